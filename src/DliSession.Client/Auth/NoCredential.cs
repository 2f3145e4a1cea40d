namespace DliSession.Client.Auth;

/// <summary>No authentication headers: only for an emulator started with authentication off.</summary>
public sealed class NoCredential : DliCredential
{
    public static NoCredential Instance { get; } = new();

    private NoCredential() { }

    public override string Kind => "None";

    internal override void Authenticate(HttpRequestMessage request, ReadOnlySpan<byte> body, string projectId, DateTimeOffset now) { }
}
