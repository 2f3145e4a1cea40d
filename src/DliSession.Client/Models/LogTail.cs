namespace DliSession.Client.Models;

/// <summary>
/// The end of a log worth showing in an error: blank lines and section headers with nothing under them
/// (<c>stdout:</c>, <c>stderr:</c>, <c>YARN Diagnostics:</c>, as Livy frames its logs) say nothing, so they go.
/// </summary>
public static class LogTail
{
    /// <summary>How many log lines to read so that, once the empty ones are gone, enough are left.</summary>
    public const int LinesToRead = 50;

    /// <summary>The last <paramref name="count"/> meaningful lines of <paramref name="lines"/>, trimmed, in order.</summary>
    public static IReadOnlyList<string> Meaningful(IReadOnlyList<string> lines, int count)
    {
        var kept = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (IsHeader(line) && !HasContent(lines, i + 1)) continue;
            kept.Add(line);
        }
        return kept.Count <= count ? kept : kept.GetRange(kept.Count - count, count);
    }

    /// <summary>A label alone on its line, ending in a colon: "stdout:", "YARN Diagnostics:".</summary>
    private static bool IsHeader(string line) =>
        line.Length > 1 && line[^1] == ':' && line.Length <= 40 && line[..^1].All(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-');

    /// <summary>Whether a line with something to say comes before the next header or the end.</summary>
    private static bool HasContent(IReadOnlyList<string> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            return !IsHeader(line);
        }
        return false;
    }
}
