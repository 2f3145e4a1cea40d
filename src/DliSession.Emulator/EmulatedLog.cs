using System.Globalization;

namespace DliSession.Emulator;

/// <summary>What session and batch logs share: the line format, the tail an object carries and Livy's log paging.</summary>
internal static class EmulatedLog
{
    public const string Info = "INFO", Warn = "WARN", Error = "ERROR";

    public static string Line(long atMs, string message, string level = Info) =>
        DateTimeOffset.FromUnixTimeMilliseconds(atMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        + " " + level + " " + message;

    /// <summary>How many of the last log lines a session or job object carries, as Livy's objects do.</summary>
    private const int ObjectLogLines = 10;

    /// <summary>The last lines of <paramref name="log"/> that a session or job object carries.</summary>
    public static string[] Tail<T>(List<T> log, Func<T, string> lineOf) =>
        [.. log.Skip(Math.Max(0, log.Count - ObjectLogLines)).Select(lineOf)];

    /// <summary>Livy's log page of <paramref name="lines"/>: <paramref name="from"/> unset means the last
    /// <paramref name="size"/> lines; a window past the end is empty. Where it starts, how many lines there are in
    /// all, and its lines.</summary>
    public static (int From, int Total, List<string> Lines) Page(List<string> lines, int? from, int size)
    {
        var start = Math.Min(from ?? Math.Max(0, lines.Count - size), lines.Count);
        return (start, lines.Count, lines.GetRange(start, Math.Min(size, lines.Count - start)));
    }
}
