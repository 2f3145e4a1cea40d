using DliSession.Client.Auth;

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
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"The endpoint '{endpoint}' must be an absolute http or https URI.", nameof(endpoint));
        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && credential is not NoCredential)
            throw new ArgumentException(
                $"The endpoint '{endpoint}' is plain http and not loopback: credentials are only sent over https " +
                "(plain http is allowed for the local emulator on 127.0.0.1 or localhost).", nameof(endpoint));
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

    /// <summary>The absolute URI of a path below <c>/v2.0/{project_id}/</c>, with the project id escaped once.</summary>
    public Uri ProjectUri(string relative) =>
        new(Endpoint, $"v2.0/{Uri.EscapeDataString(ProjectId)}/{relative}");

    public override string ToString() => $"{Endpoint.GetLeftPart(UriPartial.Authority)} project {ProjectId} ({AuthKind})";
}
