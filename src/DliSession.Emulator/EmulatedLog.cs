using System.Globalization;

namespace DliSession.Emulator;

/// <summary>What session and batch logs share: the line format and Livy's log paging.</summary>
internal static class EmulatedLog
{
    public const string Info = "INFO", Warn = "WARN", Error = "ERROR";

    public static string Line(long atMs, string message, string level = Info) =>
        DateTimeOffset.FromUnixTimeMilliseconds(atMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        + " " + level + " " + message;

    /// <summary>Livy's log window over <paramref name="total"/> lines: <paramref name="from"/> unset means the last
    /// <paramref name="size"/> lines; a window past the end is empty.</summary>
    public static (int Start, int Count) Window(int total, int? from, int size)
    {
        var start = Math.Min(from ?? Math.Max(0, total - size), total);
        return (start, Math.Min(size, total - start));
    }
}
