using DliSession.Client.Auth;

namespace DliSession.Client.Http;

/// <summary>
/// Adds the context's credential to each attempt. It runs inside the retry handler, so every retry is signed anew
/// with a fresh <c>X-Sdk-Date</c>, and it first removes what an earlier attempt added.
/// </summary>
internal sealed class AuthenticationHandler(TimeProvider clock) : DelegatingHandler
{
    private static readonly string[] AuthHeaders =
        ["Authorization", "X-Sdk-Date", TokenCredential.HeaderName, "X-Security-Token", "X-Project-Id"];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = DliRequestOptions.GetContext(request);
        foreach (var header in AuthHeaders) request.Headers.Remove(header);
        context.Credential.Authenticate(request, DliRequestOptions.GetBody(request), context.ProjectId, clock.GetUtcNow());
        return base.SendAsync(request, cancellationToken);
    }
}
