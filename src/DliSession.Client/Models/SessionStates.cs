namespace DliSession.Client.Models;

/// <summary>The session states DLI documents, plus Livy's <c>killed</c>; which of them end a session for good.</summary>
public static class SessionStates
{
    public const string NotStarted = "not_started";
    public const string Starting = "starting";
    public const string Recovering = "recovering";
    public const string Idle = "idle";
    public const string Busy = "busy";
    public const string ShuttingDown = "shutting_down";
    public const string Error = "error";
    public const string Dead = "dead";
    public const string Killed = "killed";
    public const string Success = "success";

    public static IReadOnlyList<string> All { get; } =
        [NotStarted, Starting, Recovering, Idle, Busy, ShuttingDown, Error, Dead, Killed, Success];

    /// <summary>A session never leaves these states (Livy's transition guard), so waiting for another one is futile.</summary>
    public static bool IsTerminal(string state) =>
        state is Error or Dead or Killed or Success;
}
