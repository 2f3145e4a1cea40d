using DliSession.Client.Safety;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// How prompts, -WhatIf lines, progress bars and warnings name a session (or a job): by its name where it has one,
/// with the start of its id to tell namesakes apart (<c>session 'nightly' (fd090caf…)</c>), so several fit on an
/// 80-column line; by its whole id otherwise. The name is the server's: its control characters are shown as escapes
/// and a long one is cut, so a name cannot rewrite or bury the question the user is answering.
/// </summary>
internal static class ResourceLabel
{
    private const int IdPrefix = 8;

    public static string Of(string noun, string id, string? name) =>
        string.IsNullOrEmpty(name) ? $"{noun} {id}" : $"{noun} {PathSegment.Quoted(name)} ({(id.Length > IdPrefix + 1 ? id[..IdPrefix] + "…" : id)})";
}
