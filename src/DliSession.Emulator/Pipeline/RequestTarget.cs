using Microsoft.AspNetCore.Http.Features;

namespace DliSession.Emulator.Pipeline;

/// <summary>The request target exactly as the client escaped it, which the signature and the journal need
/// (the decoded <c>Request.Path</c> would lose the client's escaping).</summary>
internal static class RequestTarget
{
    public static (string Path, string Query) Raw(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw)) raw = context.Request.PathBase.ToUriComponent() + context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        var question = raw.IndexOf('?');
        return question < 0 ? (raw, "") : (raw[..question], raw[question..]);
    }
}
