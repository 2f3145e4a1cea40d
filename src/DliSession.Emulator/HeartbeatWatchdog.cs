namespace DliSession.Emulator;

/// <summary>Livy's heartbeat watchdog: deletes sessions whose heartbeat timeout passed even when nobody asks about them.</summary>
/// <remarks>The timer runs on the emulator's clock, so a test with a fake clock moves the sweep too. It is made here,
/// not in <see cref="ExecuteAsync"/> (which runs on its own task), so its first tick is one interval after the host
/// started, not after whenever that task got going.</remarks>
internal sealed class HeartbeatWatchdog(SessionStore store, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly PeriodicTimer _timer = new(Interval, clock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(stoppingToken)) store.SweepExpired();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: nothing left to sweep.
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }
}
