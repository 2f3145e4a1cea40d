using System.Management.Automation;
using DliSession.Client.Models;

namespace DliSession.Commands.Binding;

/// <summary>
/// Refuses at binding, naming the parameter, a value that is neither one of a documented set nor (where allowed) a
/// wildcard, so a typo such as <c>idel</c> fails before anything is sent instead of waiting for a state that never
/// comes. Known values come out in their documented spelling. Derive one per set of values (session states, job states).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public abstract class KnownValuesAttribute : ArgumentTransformationAttribute
{
    /// <summary>The documented values, in the order completion offers them.</summary>
    public abstract IReadOnlyList<string> Known { get; }

    /// <summary>What one value is, for the error: "session state".</summary>
    protected abstract string What { get; }

    /// <summary>Whether a wildcard pattern passes (for filters); a wait needs exact values.</summary>
    public bool AllowWildcards { get; set; } = true;

    // One value stays one value, so a single-valued parameter (a server-side filter) can carry the attribute too.
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        inputData is null ? null
        : (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string single ? Canonical(single)
        : PropertyBag.Items(inputData).Select(item => Canonical(item.ToString() ?? string.Empty)).ToArray();

    private string Canonical(string value)
    {
        if (Known.FirstOrDefault(k => string.Equals(k, value, StringComparison.OrdinalIgnoreCase)) is { } known) return known;
        if (AllowWildcards && WildcardPattern.ContainsWildcardCharacters(value)) return value;
        var close = Known.Where(k => Distance(k, value.ToLowerInvariant()) <= 2).ToArray();
        var hint = close.Length > 0 ? $" Did you mean '{string.Join("' or '", close)}'?" : string.Empty;
        var wildcard = AllowWildcards ? ", or a wildcard pattern such as 'shut*'" : string.Empty;
        throw new ArgumentTransformationMetadataException(
            $"'{value}' is not a {What}.{hint} Use one of {string.Join(", ", Known)}{wildcard}.");
    }

    /// <summary>The edit distance, for the "did you mean" hint; values are a few characters long.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}

/// <summary>The session states DLI documents (see <see cref="SessionStates"/>).</summary>
public sealed class SessionStateAttribute : KnownValuesAttribute
{
    public override IReadOnlyList<string> Known => SessionStates.All;

    protected override string What => "session state";
}

/// <summary>The Spark job states DLI documents (see <see cref="SparkJobStates"/>).</summary>
public sealed class SparkJobStateAttribute : KnownValuesAttribute
{
    public override IReadOnlyList<string> Known => SparkJobStates.All;

    protected override string What => "Spark job state";
}
