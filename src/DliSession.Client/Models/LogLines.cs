using System.Collections.ObjectModel;

namespace DliSession.Client.Models;

/// <summary>
/// The log lines a session or Spark job carries. A list like any other, but its text is the lines themselves, one a
/// line, so that writers that take an object's text (CSV, string interpolation) keep the log instead of a type name.
/// </summary>
public sealed class LogLines(IList<string> lines) : ReadOnlyCollection<string>(lines)
{
    public static LogLines None { get; } = new([]);

    public override string ToString() => string.Join('\n', this);
}
