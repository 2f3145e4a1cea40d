using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DliSession.Commands.Binding;

/// <summary>Completes the regions whose DLI endpoint follows <c>https://dli.{region}.myhuaweicloud.com</c>; local, instant.</summary>
public sealed class RegionCompleter : IArgumentCompleter
{
    private static readonly string[] Regions =
    [
        "af-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "cn-east-2", "cn-east-3",
        "cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-south-1", "cn-southwest-2", "la-north-2",
        "la-south-2", "na-mexico-1", "ru-northwest-2", "sa-brazil-1", "tr-west-1",
    ];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = CompletionText.Pattern(wordToComplete);
        return Regions.Where(pattern.IsMatch).Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, r));
    }
}
