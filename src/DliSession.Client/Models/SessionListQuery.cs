namespace DliSession.Client.Models;

/// <summary>The server-side filters of the session list; DLI forbids sending both.</summary>
public sealed record SessionListQuery(string? ClusterName = null, string? Queue = null)
{
    public static SessionListQuery All { get; } = new();
}
