using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using DliSession.Client.Models;

namespace DliSession.Commands.Binding;

/// <summary>Completes the session states the service documents; no network, so it never stalls the prompt.</summary>
public sealed class SessionStateCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = WildcardPattern.Get(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return SessionStates.All.Where(pattern.IsMatch).Select(s => new CompletionResult(s, s, CompletionResultType.ParameterValue, s));
    }
}
