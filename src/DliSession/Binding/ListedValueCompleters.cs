using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace DliSession.Commands.Binding;

/// <summary>
/// The completers over a <see cref="CompletionListing"/>: one shared listing (and so one cache) per kind of resource.
/// Use them as <c>[ArgumentCompleter(typeof(IdCompleter&lt;SessionListing&gt;))]</c>.
/// </summary>
public abstract class ListedValueCompleter<TListing> : IArgumentCompleter where TListing : CompletionListing, new()
{
    private static readonly TListing Listing = new();

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Complete(Listing.Candidates(fakeBoundParameters), CompletionText.Pattern(wordToComplete));

    private protected abstract IEnumerable<CompletionResult> Complete(IReadOnlyList<CompletionCandidate> candidates, WildcardPattern pattern);

    private protected static CompletionResult Result(string value, string listItem, string toolTip) =>
        new(CompletionText.Quote(value), listItem, CompletionResultType.ParameterValue, toolTip);
}

/// <summary>Ids, matched by id or by name (typing <c>nigh</c> offers the id of session 'nightly'); newest listed first as the service lists them.</summary>
public sealed class IdCompleter<TListing> : ListedValueCompleter<TListing> where TListing : CompletionListing, new()
{
    private protected override IEnumerable<CompletionResult> Complete(IReadOnlyList<CompletionCandidate> candidates, WildcardPattern pattern) =>
        candidates.Where(c => pattern.IsMatch(c.Id) || (c.Name is { } name && pattern.IsMatch(name)))
            .Select(c => Result(c.Id, c.Name is null ? c.Id : $"{c.Id} ({c.Name})", c.ToolTip));
}

/// <summary>Names, each once; the tooltip describes the first resource of that name.</summary>
public sealed class NameCompleter<TListing> : ListedValueCompleter<TListing> where TListing : CompletionListing, new()
{
    private protected override IEnumerable<CompletionResult> Complete(IReadOnlyList<CompletionCandidate> candidates, WildcardPattern pattern) =>
        candidates.Where(c => c.Name is { } name && pattern.IsMatch(name))
            .DistinctBy(c => c.Name, StringComparer.Ordinal)
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(c => Result(c.Name!, c.Name!, c.ToolTip));
}

/// <summary>The queues the listed resources run in: the queues seen in the service's recent answers.</summary>
public sealed class QueueCompleter<TListing> : ListedValueCompleter<TListing> where TListing : CompletionListing, new()
{
    private protected override IEnumerable<CompletionResult> Complete(IReadOnlyList<CompletionCandidate> candidates, WildcardPattern pattern) =>
        candidates.Where(c => c.Queue is { } queue && pattern.IsMatch(queue))
            .GroupBy(c => c.Queue!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => Result(g.Key, g.Key, $"queue {g.Key} ({g.Count()} listed)"));
}
