using System.Globalization;

namespace DliSession.Emulator;

/// <summary>Fake YARN application ids: they share the cluster start time, as real ones do, and count up.</summary>
internal sealed class ApplicationIds(TimeProvider clock)
{
    private readonly long _clusterStartMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
    private int _sequence;

    public string Next() =>
        string.Create(CultureInfo.InvariantCulture, $"application_{_clusterStartMs}_{Interlocked.Increment(ref _sequence):D4}");
}
