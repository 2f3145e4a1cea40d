using System.Security.Cryptography;
using System.Text;
using DliSession.Emulator.Pipeline;

namespace DliSession.Emulator.Authentication;

/// <summary>DLI's two ways in: an IAM token in X-Auth-Token, or an AK/SK signature (dli-session-api §6).</summary>
internal sealed class RequestAuthenticator(EmulatorOptions options, SignatureVerifier signatures)
{
    public const string TokenHeader = "X-Auth-Token";

    /// <summary>The caller when the request is authenticated (or authentication is off); otherwise null and the reason.</summary>
    public Caller? Authenticate(HttpContext context, byte[] body, out string failure)
    {
        failure = "";
        if (!options.AuthenticationEnabled) return Caller.Anonymous;

        var token = context.Request.Headers[TokenHeader];
        if (token.Count > 0)
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token.ToString()), Encoding.UTF8.GetBytes(options.Token)))
                return Caller.Anonymous;
            failure = $"The {TokenHeader} token is not valid.";
            return null;
        }
        if (context.Request.Headers.Authorization.Count > 0)
            return signatures.Verify(context, body, out failure) is { } accessKey ? new Caller(accessKey) : null;

        failure = $"The request has neither an {TokenHeader} header nor an Authorization header.";
        return null;
    }
}
