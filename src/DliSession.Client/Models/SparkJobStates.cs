namespace DliSession.Client.Models;

/// <summary>
/// The states DLI documents for a Spark job. The service spells them in lower case everywhere but in one example
/// (<c>"Success"</c>), so every comparison here ignores case.
/// </summary>
public static class SparkJobStates
{
    public const string Starting = "starting";
    public const string Running = "running";
    public const string Recovering = "recovering";
    public const string Success = "success";
    public const string Dead = "dead";

    public static IReadOnlyList<string> All { get; } = [Starting, Running, Recovering, Success, Dead];

    /// <summary>A job that succeeded or died never runs again (a retry after <c>auto_recovery</c> shows as recovering).</summary>
    public static bool IsTerminal(string state) => Is(state, Success) || Is(state, Dead);

    public static bool Is(string? state, string wanted) => string.Equals(state, wanted, StringComparison.OrdinalIgnoreCase);
}
