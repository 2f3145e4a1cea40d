using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DliSession.Commands.Binding;

/// <summary>Completes the values a <see cref="KnownValuesAttribute"/> accepts; local, so it never stalls the prompt.</summary>
public sealed class KnownValueCompleter<TValues> : IArgumentCompleter where TValues : KnownValuesAttribute, new()
{
    private static readonly IReadOnlyList<string> Values = new TValues().Known;

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = CompletionText.Pattern(wordToComplete);
        return Values.Where(pattern.IsMatch).Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}
