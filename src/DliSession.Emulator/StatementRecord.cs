using DliSession.Emulator.Json;

namespace DliSession.Emulator;

/// <summary>
/// One statement. Its state follows from its schedule and the clock (waiting → running → available), so no timer
/// runs per statement. Mutated only under its session's lock.
/// </summary>
internal sealed class StatementRecord(int id, string code, long submittedAtMs)
{
    public const string Waiting = "waiting", Running = "running", Available = "available", Cancelled = "cancelled";

    /// <summary>The text Scala code throws in, by the emulator's convention, to ask for an error output.</summary>
    private const string ThrowMarker = "throw ";

    public int Id { get; } = id;
    public string Code { get; } = code;
    public long SubmittedAtMs { get; } = submittedAtMs;

    /// <summary>When the statement gets the session's single slot; it stays <c>waiting</c> until <see cref="RunAtMs"/>.</summary>
    public long StartAtMs { get; private set; }
    public long RunAtMs { get; private set; }
    public long EndAtMs { get; private set; }
    public long? CancelledAtMs { get; private set; }

    public void Schedule(long startAtMs, EmulatorOptions timing)
    {
        StartAtMs = startAtMs;
        RunAtMs = startAtMs + timing.StatementWaitMs;
        EndAtMs = startAtMs + timing.StatementMs;
    }

    public string StateAt(long nowMs) =>
        CancelledAtMs is { } cancelled && cancelled <= nowMs ? Cancelled
        : nowMs < RunAtMs ? Waiting
        : nowMs < EndAtMs ? Running
        : Available;

    public bool IsPendingAt(long nowMs) => StateAt(nowMs) is Waiting or Running;

    /// <summary>Livy's rule: waiting or running statements become cancelled; finished ones keep their state.</summary>
    public void Cancel(long nowMs)
    {
        if (IsPendingAt(nowMs)) CancelledAtMs = nowMs;
    }

    /// <summary>When the session's slot is free again after this statement, given when it was free before it.</summary>
    public long SlotFreeAfter(long freeBeforeMs) =>
        CancelledAtMs is { } cancelled ? (cancelled <= StartAtMs ? freeBeforeMs : cancelled) : EndAtMs;

    public StatementDto ToDto(long nowMs)
    {
        var state = StateAt(nowMs);
        var progress = state switch { Waiting => 0.0, Running => 0.5, Available => 1.0, _ => CancelledAtMs >= RunAtMs ? 0.5 : 0.0 };
        return new StatementDto(Id, Code, state, state == Available ? Output() : null, progress);
    }

    private StatementOutputDto Output()
    {
        var thrown = Code.IndexOf(ThrowMarker, StringComparison.Ordinal);
        if (thrown < 0)
        {
            var data = new Dictionary<string, string>
            {
                ["text/plain"] = "The DLI emulator accepted this code; Spark did not run it.",
            };
            return new StatementOutputDto("ok", Id, data, null, null, null);
        }
        var evalue = Code[(thrown + ThrowMarker.Length)..].Trim();
        return new StatementOutputDto("error", Id, null, "EmulatedError", evalue, ["at <console>:1"]);
    }
}
