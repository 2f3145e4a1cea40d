namespace DliSession.Client.Auth;

/// <summary>
/// A resolved context and one line per item saying where it came from (parameter, environment variable, credentials
/// file section). The lines name sources only, never values, so the cmdlets can write them at <c>-Debug</c>.
/// </summary>
public sealed record ContextResolution(DliContext Context, IReadOnlyList<string> Diagnostics);
