using DliSession.Client.Errors;

namespace DliSession.Client.Safety;

/// <summary>
/// The one check for values that become a segment of a request path: session, statement, job and project ids,
/// whether a caller typed them or a server sent them. Escaping alone is not enough: <c>.</c> and <c>..</c> pass
/// <c>Uri.EscapeDataString</c> unchanged and then remove path segments, an empty id turns <c>sessions/{id}</c>
/// into the collection, and a <c>%</c> lets a server that decodes twice see a slash or a dot segment.
/// </summary>
public static class PathSegment
{
    /// <summary>The ErrorId of a value refused here.</summary>
    public const string ErrorId = "DliUnsafeId";

    /// <summary>Why <paramref name="value"/> cannot be a path segment, or null when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "it is empty";
        if (value is "." or "..") return "'.' and '..' would move the request to another URL";
        foreach (var c in value)
        {
            if (c is '/' or '\\') return "a slash would split it into more path segments";
            if (c is '%') return "'%' could be decoded into a slash or a dot segment";
            if (c is '?' or '#') return "'?' and '#' would end the path";
            if (char.IsControl(c) || c is '\u2028' or '\u2029') return "it holds a control character";
        }
        return null;
    }

    /// <summary>
    /// <paramref name="value"/> escaped for a path, or <see cref="ErrorId"/> naming <paramref name="what"/> (such as
    /// "the session id") and the rule it breaks.
    /// </summary>
    public static string Escape(string? value, string what) =>
        Problem(value) is { } problem
            ? throw new DliException(ErrorId, DliErrorKind.InvalidArgument,
                $"{Capitalized(what)} {Quoted(value)} cannot be part of a request URL: {problem}. Nothing was sent.")
            : Uri.EscapeDataString(value!);

    /// <summary>
    /// Checks every segment of a relative path that callers built from escaped pieces: the backstop that keeps a
    /// caller who forgot <see cref="Escape"/> from sending a dot segment, an empty segment or a double-encoded one.
    /// </summary>
    internal static void CheckRelativePath(string relative)
    {
        var queryAt = relative.IndexOf('?');
        var path = queryAt < 0 ? relative : relative[..queryAt];
        foreach (var segment in path.Split('/'))
        {
            var decoded = Uri.UnescapeDataString(segment);
            if (Problem(decoded) is { } problem)
                throw new DliException(ErrorId, DliErrorKind.InvalidArgument,
                    $"The request path '{Printable(path)}' has an unusable segment: {problem}. Nothing was sent.");
        }
    }

    /// <summary>A value for a message: control characters shown as <c>\uXXXX</c> and at most 64 characters, quoted.</summary>
    internal static string Quoted(string? value) =>
        value is null ? "(none)" : $"'{Printable(value.Length > 64 ? value[..64] + "…" : value)}'";

    internal static string Printable(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var printable = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text) printable.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        return printable.ToString();
    }

    private static string Capitalized(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
