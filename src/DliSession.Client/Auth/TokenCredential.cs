using System.Security;

namespace DliSession.Client.Auth;

/// <summary>An IAM token, sent as <c>X-Auth-Token</c> on every request.</summary>
public sealed class TokenCredential : DliCredential
{
    public const string HeaderName = "X-Auth-Token";

    private readonly SecureString token;

    public TokenCredential(SecureString token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (SecureStrings.HasControlCharacter(token)) throw SecureStrings.ControlCharacterIn("token", nameof(token));
        this.token = token;
    }

    public override string Kind => "Token";

    internal override void Authenticate(HttpRequestMessage request, ReadOnlySpan<byte> body, string projectId, DateTimeOffset now) =>
        request.Headers.TryAddWithoutValidation(HeaderName, SecureStrings.Reveal(token));
}
