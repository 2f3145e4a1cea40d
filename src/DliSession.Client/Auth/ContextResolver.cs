using System.Security;
using DliSession.Client.Safety;

namespace DliSession.Client.Auth;

/// <summary>
/// The one resolution order every cmdlet uses (the cmdlet layer puts <c>-Context</c> and the <c>Connect-Dli</c> default
/// in front of it). Each item is taken from the first source that has it:
/// <list type="bullet">
/// <item>credential: <c>Token</c>, or <c>AccessKey</c> + <c>SecretKey</c> (+ <c>SecurityToken</c>); else the section
/// <c>[ProfileName]</c> of the credentials file when a profile is named (an error if it is missing); else
/// <c>HUAWEICLOUD_SDK_AK</c> + <c>HUAWEICLOUD_SDK_SK</c> (+ <c>HUAWEICLOUD_SDK_SECURITY_TOKEN</c>), or <c>DLI_AUTH_TOKEN</c>;
/// else <c>[basic]</c> of the credentials file (<c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c> or <c>~/.huaweicloud/credentials</c>).</item>
/// <item>project id: <c>ProjectId</c>; the file section the credential came from; <c>HUAWEICLOUD_SDK_PROJECT_ID</c>;
/// <c>project_id</c> in <c>[basic]</c>.</item>
/// <item>endpoint: <c>Endpoint</c>; <c>Region</c>; <c>DLI_ENDPOINT</c>; <c>DLI_REGION</c>.</item>
/// </list>
/// The caller's items are named as <see cref="ConnectionRequest.ItemName"/> says; a failure is a
/// <see cref="DliCredentialException"/> with the problem and the items it concerns, so the caller can word advice
/// of its own. The environment and home directory are injected, so tests never read the real ones.
/// </summary>
public sealed class ContextResolver(Func<string, string?> environment, string? homeDirectory)
{
    public const string AccessKeyVariable = "HUAWEICLOUD_SDK_AK";
    public const string SecretKeyVariable = "HUAWEICLOUD_SDK_SK";
    public const string SecurityTokenVariable = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
    public const string ProjectIdVariable = "HUAWEICLOUD_SDK_PROJECT_ID";
    public const string TokenVariable = "DLI_AUTH_TOKEN";
    public const string EndpointVariable = "DLI_ENDPOINT";
    public const string RegionVariable = "DLI_REGION";

    private static readonly AccessKeyNames EnvironmentNames = new(AccessKeyVariable, SecretKeyVariable, SecurityTokenVariable);

    public static ContextResolver ForCurrentProcess() =>
        new(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public ContextResolution Resolve(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = new List<string>();
        var location = CredentialsFile.LocationFrom(environment, homeDirectory);
        var file = new Lazy<CredentialsFile?>(() =>
        {
            var loaded = location is null ? null : CredentialsFile.Load(location);
            diagnostics.Add(location is null
                ? $"Credentials file: none ({CredentialsFile.PathVariable} unset and no home directory)."
                : $"Credentials file: '{location}'{(loaded is null ? " (not found)" : "")}.");
            return loaded;
        });

        var credential = ResolveCredential(request, file, location);
        diagnostics.Add($"Credential ({credential.Value.Kind}) from {credential.Source}.");
        var projectId = ResolveProjectId(request, file, credential.FileSection, location);
        if (PathSegment.Problem(projectId.Value) is { } unusable)
            throw new DliCredentialException($"The project id from {projectId.Source} cannot be used: {unusable}.");
        diagnostics.Add($"Project id from {projectId.Source}.");
        var (endpoint, region) = ResolveEndpoint(request);
        diagnostics.Add($"Endpoint from {endpoint.Source}.");

        var source = $"credential: {credential.Source}; project: {projectId.Source}; endpoint: {endpoint.Source}";
        try
        {
            return new ContextResolution(new DliContext(endpoint.Value, projectId.Value, credential.Value, region, source), diagnostics);
        }
        catch (ArgumentException e)
        {
            // The cmdlets handle one exception type for "cannot connect like this", e.g. credentials over plain http.
            throw new DliCredentialException(ConnectionProblem.Invalid, [e.ParamName ?? "context"], e.Message, e);
        }
    }

    private Sourced<DliCredential> ResolveCredential(ConnectionRequest request, Lazy<CredentialsFile?> file, string? location)
    {
        var name = request.ItemName;
        var accessKeyGiven = request.AccessKey is not null || request.SecretKey is not null || request.SecurityToken is not null;
        if (request.Token is not null && accessKeyGiven)
            throw Conflict(name(nameof(request.Token)), name(nameof(request.AccessKey)));
        if (request.ProfileName is not null && (request.Token is not null || accessKeyGiven))
            throw Conflict(name(nameof(request.ProfileName)), name(request.Token is not null ? nameof(request.Token) : nameof(request.AccessKey)));

        if (request.Token is not null)
            return new(new TokenCredential(Clean(request.Token, name(nameof(request.Token)))!), $"parameter {name(nameof(request.Token))}");
        if (accessKeyGiven)
        {
            var names = new AccessKeyNames(name(nameof(request.AccessKey)), name(nameof(request.SecretKey)), name(nameof(request.SecurityToken)));
            return new(AccessKeyPair(request.AccessKey, request.SecretKey, request.SecurityToken, names)!,
                $"parameters {names.AccessKey}/{names.SecretKey}");
        }

        if (request.ProfileName is { } profile)
        {
            var profileFile = file.Value ?? throw new DliCredentialException(ConnectionProblem.ProfileNotFound, location is null ? [profile] : [profile, location],
                $"Profile '{profile}' was named, but there is no credentials file ({location ?? $"set {CredentialsFile.PathVariable}"}).");
            if (!profileFile.HasSection(profile))
                throw new DliCredentialException(ConnectionProblem.ProfileNotFound, [profile, location!],
                    $"Profile '{profile}' was named, but {profileFile} has no [{profile}] section.");
            return FromFileSection(profileFile, profile) ?? throw new DliCredentialException(ConnectionProblem.Incomplete,
                [$"[{profile}]", $"ak in [{profile}]", $"sk in [{profile}]"], $"Section [{profile}] of {profileFile} has no ak and sk.");
        }

        var environmentKey = AccessKeyPair(Variable(AccessKeyVariable), Secret(SecretKeyVariable), Secret(SecurityTokenVariable), EnvironmentNames);
        if (environmentKey is not null) return new(environmentKey, $"environment ({AccessKeyVariable}/SK)");
        if (Secret(TokenVariable) is { } token) return new(new TokenCredential(Clean(token, TokenVariable)!), $"environment ({TokenVariable})");

        if (file.Value is { } defaults && FromFileSection(defaults, CredentialsFile.DefaultSection) is { } basic) return basic;

        var fileName = location ?? "~/.huaweicloud/credentials";
        throw new DliCredentialException(ConnectionProblem.NoCredential,
            [AccessKeyVariable, SecretKeyVariable, SecurityTokenVariable, TokenVariable, $"[{CredentialsFile.DefaultSection}]", fileName],
            $"No DLI credential was found: none was given, none is in the environment variables {AccessKeyVariable} and " +
            $"{SecretKeyVariable} (with {SecurityTokenVariable} for temporary keys) or {TokenVariable}, and the " +
            $"[{CredentialsFile.DefaultSection}] section of the credentials file ({fileName}, or the file named by " +
            $"{CredentialsFile.PathVariable}) has no ak and sk.");
    }

    private static DliCredentialException Conflict(string first, string second) =>
        new(ConnectionProblem.Conflicting, [first, second], $"Give either {first} or {second}, not both.");

    private static Sourced<DliCredential>? FromFileSection(CredentialsFile file, string section)
    {
        var names = new AccessKeyNames($"ak in [{section}]", $"sk in [{section}]", $"security_token in [{section}]");
        var credential = AccessKeyPair(file.Value(section, "ak"), Protect(file.Value(section, "sk")),
            Protect(file.Value(section, "security_token")), names);
        return credential is null ? null : new(credential, $"credentials file [{section}]", section);
    }

    private Sourced<string> ResolveProjectId(ConnectionRequest request, Lazy<CredentialsFile?> file, string? credentialSection, string? location)
    {
        if (CredentialsFile.NonEmpty(request.ProjectId) is { } given) return new(given, $"parameter {request.ItemName(nameof(request.ProjectId))}");
        if (credentialSection is not null && file.Value?.Value(credentialSection, "project_id") is { } fromSection)
            return new(fromSection, $"credentials file [{credentialSection}]");
        if (Variable(ProjectIdVariable) is { } fromEnvironment) return new(fromEnvironment, $"environment ({ProjectIdVariable})");
        if (file.Value?.Value(CredentialsFile.DefaultSection, "project_id") is { } fromDefaults)
            return new(fromDefaults, $"credentials file [{CredentialsFile.DefaultSection}]");
        var fileName = location ?? "~/.huaweicloud/credentials";
        throw new DliCredentialException(ConnectionProblem.NoProjectId, [ProjectIdVariable, $"[{CredentialsFile.DefaultSection}]", fileName],
            $"No DLI project id was found: none was given, {ProjectIdVariable} is not set, and the " +
            $"[{CredentialsFile.DefaultSection}] section of the credentials file ({fileName}) has no project_id.");
    }

    private (Sourced<Uri> Endpoint, string? Region) ResolveEndpoint(ConnectionRequest request)
    {
        var endpointName = request.ItemName(nameof(request.Endpoint));
        var regionName = request.ItemName(nameof(request.Region));
        if (request.Endpoint is { } endpoint) return (new(endpoint, $"parameter {endpointName}"), CredentialsFile.NonEmpty(request.Region));
        if (CredentialsFile.NonEmpty(request.Region) is { } region)
            return (new(RegionEndpoint(region, regionName), $"parameter {regionName}"), region);
        var environmentRegion = Variable(RegionVariable);
        if (Variable(EndpointVariable) is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var fromEnvironment))
                throw new DliCredentialException(ConnectionProblem.Invalid, [EndpointVariable], $"{EndpointVariable} is not an absolute URI.");
            return (new(fromEnvironment, EndpointVariable), environmentRegion);
        }
        if (environmentRegion is not null)
            return (new(RegionEndpoint(environmentRegion, RegionVariable), RegionVariable), environmentRegion);
        throw new DliCredentialException(ConnectionProblem.NoEndpoint, [EndpointVariable, RegionVariable],
            $"No DLI endpoint was found: neither an endpoint nor a region was given, and neither {EndpointVariable} nor {RegionVariable} is set.");
    }

    /// <summary>The region becomes part of a host name, so anything beyond a region id's characters is refused.</summary>
    private static Uri RegionEndpoint(string region, string sourceName) =>
        region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? DliContext.EndpointForRegion(region)
            : throw new DliCredentialException(ConnectionProblem.Invalid, [sourceName],
                $"{sourceName} is not a region id (letters, digits and hyphens, e.g. cn-north-4).");

    /// <summary>
    /// An access key credential, or null when none of the three parts is there. Half a pair is an error naming the
    /// missing half, never a silent fall-through to the next source.
    /// </summary>
    private static AccessKeyCredential? AccessKeyPair(string? accessKey, SecureString? secretKey, SecureString? securityToken, AccessKeyNames names)
    {
        if (accessKey is null && secretKey is null)
        {
            return securityToken is null ? null : throw Incomplete(names.SecurityToken, names.AccessKey, names.SecretKey);
        }
        if (secretKey is null) throw Incomplete(names.AccessKey, names.SecretKey);
        if (string.IsNullOrWhiteSpace(accessKey)) throw Incomplete(names.SecretKey, names.AccessKey);
        return new AccessKeyCredential(Clean(accessKey, names.AccessKey)!, Clean(secretKey, names.SecretKey)!,
            Clean(securityToken, names.SecurityToken));
    }

    /// <summary>The value, unless it holds a control character: then an error naming the item, never showing the value.</summary>
    private static SecureString? Clean(SecureString? secret, string name) =>
        secret is not null && SecureStrings.HasControlCharacter(secret) ? throw ControlCharacter(name) : secret;

    private static string? Clean(string? value, string name) =>
        value is not null && SecureStrings.HasControlCharacter(value) ? throw ControlCharacter(name) : value;

    private static DliCredentialException ControlCharacter(string name) => new($"{name} {SecureStrings.ControlCharacterRule}.");

    private static DliCredentialException Incomplete(string given, params string[] missing) =>
        new(ConnectionProblem.Incomplete, [given, .. missing], $"{given} was given without {string.Join(" and ", missing)}.");

    private string? Variable(string name) => CredentialsFile.NonEmpty(environment(name));

    private SecureString? Secret(string name) => Protect(Variable(name));

    private static SecureString? Protect(string? value) => value is null ? null : SecureStrings.FromString(value);

    private sealed record AccessKeyNames(string AccessKey, string SecretKey, string SecurityToken);

    private sealed record Sourced<T>(T Value, string Source, string? FileSection = null);
}
