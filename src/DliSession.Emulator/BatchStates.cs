namespace DliSession.Emulator;

/// <summary>The batch job states of dli-batch-api §7 (lower case, as every table and SDK enum has them).</summary>
internal static class BatchStates
{
    public const string Starting = "starting", Running = "running", Dead = "dead", Success = "success", Recovering = "recovering";

    public static readonly IReadOnlyList<string> All = [Starting, Running, Dead, Success, Recovering];

    public static bool IsTerminal(string state) => state is Success or Dead;

    /// <summary>The documented name of a state given in any case (the documentation's example says "Success").</summary>
    public static string? Parse(string value) => All.FirstOrDefault(s => s.Equals(value, StringComparison.OrdinalIgnoreCase));
}
