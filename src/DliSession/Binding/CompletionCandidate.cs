namespace DliSession.Commands.Binding;

/// <summary>One thing the service listed, as the prompt offers it: its id, and the name, state and queue the tooltip shows.</summary>
public sealed record CompletionCandidate(string Id, string? Name, string State, string? Queue)
{
    public string ToolTip => $"{(Name is null ? "(no name)" : $"'{Name}'")}, {State}{(Queue is null ? string.Empty : $", queue {Queue}")} ({Id})";
}
