namespace DliSession.Emulator;

/// <summary>Livy's heartbeat watchdog: deletes sessions whose heartbeat timeout passed even when nobody asks about them.</summary>
internal sealed class HeartbeatWatchdog(SessionStore store) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) store.SweepExpired();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: nothing left to sweep.
        }
    }
}
