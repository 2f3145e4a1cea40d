namespace DliSession.Emulator;

/// <summary>The session states of DLI's Table 4 plus Livy's <c>killed</c>, and which of them Livy counts as active.</summary>
internal static class SessionStates
{
    public const string NotStarted = "not_started", Starting = "starting", Idle = "idle", Busy = "busy",
        ShuttingDown = "shutting_down", Error = "error", Dead = "dead", Success = "success",
        Recovering = "recovering", Killed = "killed";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        NotStarted, Starting, Idle, Busy, ShuttingDown, Error, Dead, Success, Recovering, Killed,
    };

    /// <summary>States that accept statements. Livy flags <c>error</c> active too, but DLI's contract treats it as
    /// terminal, so a statement on an errored session is refused.</summary>
    public static bool AcceptsStatements(string state) => state is NotStarted or Starting or Recovering or Idle or Busy;
}
