namespace DliSession.Commands.Infrastructure;

/// <summary>
/// How prompts, -WhatIf lines, progress bars and warnings name a session: by its name where it has one, with the start
/// of its id to tell namesakes apart (<c>session 'nightly' (fd090caf…)</c>), so several fit on an 80-column line.
/// </summary>
internal static class SessionLabel
{
    private const int IdPrefix = 8;

    public static string Of(string id, string? name) =>
        string.IsNullOrEmpty(name) ? $"session {id}" : $"session '{name}' ({(id.Length > IdPrefix + 1 ? id[..IdPrefix] + "…" : id)})";
}
