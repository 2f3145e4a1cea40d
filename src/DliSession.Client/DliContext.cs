using DliSession.Client.Auth;
using DliSession.Client.Safety;

namespace DliSession.Client;

/// <summary>
/// Where and as whom the module talks to DLI: endpoint, project and credential, plus the HTTP settings.
/// Immutable, so one context can be shared by runspaces and thread jobs. It shows no secret anywhere.
/// </summary>
public sealed class DliContext
{
    public DliContext(Uri endpoint, string projectId, DliCredential credential, string? region = null,
        string source = "parameters", DliHttpSettings? http = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        // First, before any message quotes the endpoint: its user info may be a password.
        if (endpoint.IsAbsoluteUri && endpoint.UserInfo.Length > 0)
            throw new ArgumentException(
                "The endpoint holds a user name or password before '@'; DLI takes neither in the URL, so it was refused " +
                "(give the credential as a token or an access key instead).", nameof(endpoint));
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"The endpoint '{endpoint}' must be an absolute http or https URI.", nameof(endpoint));
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && credential is not NoCredential)
            throw new ArgumentException(
                $"The endpoint '{endpoint}' is plain http and not loopback: credentials are only sent over https " +
                "(plain http is allowed for the local emulator on 127.0.0.1 or localhost).", nameof(endpoint));
        // DLI's API sits at the root of its host; a path or query would be silently dropped from every request.
        if (endpoint.AbsolutePath != "/" || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
            throw new ArgumentException(
                $"The endpoint '{endpoint}' has a path, query or fragment; give only the scheme, host and port " +
                $"(such as {endpoint.GetLeftPart(UriPartial.Authority)}).", nameof(endpoint));
        // The project id is a path segment and a signed header: nothing in it may change either.
        if (PathSegment.Problem(projectId) is { } problem)
            throw new ArgumentException($"The project id cannot be used: {problem}.", nameof(projectId));
        Endpoint = endpoint;
        ProjectId = projectId;
        Credential = credential;
        Region = region;
        Source = source;
        Http = http ?? DliHttpSettings.Default;
    }

    /// <summary>The default endpoint of a region: <c>https://dli.{region}.myhuaweicloud.com</c> (Europe's own domain for eu-west-101).</summary>
    public static Uri EndpointForRegion(string region) =>
        new(region == "eu-west-101" ? $"https://dli.{region}.myhuaweicloud.eu" : $"https://dli.{region}.myhuaweicloud.com");

    public Uri Endpoint { get; }
    public string? Region { get; }
    public string ProjectId { get; }
    public DliCredential Credential { get; }

    /// <summary>Where the context came from (parameters, environment, credentials file), for diagnostics.</summary>
    public string Source { get; }

    public DliHttpSettings Http { get; }

    public string AuthKind => Credential.Kind;

    /// <summary>The same context with other HTTP settings.</summary>
    public DliContext WithHttp(DliHttpSettings http) => new(Endpoint, ProjectId, Credential, Region, Source, http);

    /// <summary>The access key id when the context signs with AK/SK; an id, not a secret.</summary>
    public string? AccessKeyId => (Credential as AccessKeyCredential)?.AccessKey;

    /// <summary>
    /// The absolute URI of a path below <c>/v2.0/{project_id}/</c>, with the project id escaped once. Every request
    /// URI is built here, so every segment of <paramref name="relative"/> is checked (<see cref="PathSegment"/>):
    /// ids escaped with <see cref="PathSegment.Escape"/> always pass, and nothing else reaches another URL.
    /// </summary>
    public Uri ProjectUri(string relative)
    {
        PathSegment.CheckRelativePath(relative);
        return new(Endpoint, $"v2.0/{Uri.EscapeDataString(ProjectId)}/{relative}");
    }

    public override string ToString() => $"{Endpoint.GetLeftPart(UriPartial.Authority)} project {ProjectId} ({AuthKind})";
}
