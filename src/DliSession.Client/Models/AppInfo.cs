using System.Collections.ObjectModel;

namespace DliSession.Client.Models;

/// <summary>
/// A session's application details (driver log address and the like). A dictionary like any other, but its text is
/// <c>key=value</c> pairs joined by "; " in the service's order, so CSV and string interpolation keep the details.
/// </summary>
public sealed class AppInfo(IDictionary<string, string?> details) : ReadOnlyDictionary<string, string?>(details)
{
    public override string ToString() => string.Join("; ", this.Select(pair => $"{pair.Key}={pair.Value}"));
}
