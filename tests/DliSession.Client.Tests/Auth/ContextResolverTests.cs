using DliSession.Client.Auth;
using static DliSession.Client.Tests.Auth.ResolverFixture;

namespace DliSession.Client.Tests.Auth;

public sealed class ContextResolverTests : IDisposable
{
    private const string Endpoint = "https://dli.cn-north-4.myhuaweicloud.com/";
    private readonly ResolverFixture fixture = new();

    /// <summary>Endpoint and project given, so a test varies only the credential.</summary>
    private static ConnectionRequest WithTarget(ConnectionRequest? request = null) => new()
    {
        Endpoint = request?.Endpoint ?? new Uri(Endpoint),
        ProjectId = request?.ProjectId ?? "p-explicit",
        Token = request?.Token,
        AccessKey = request?.AccessKey,
        SecretKey = request?.SecretKey,
        SecurityToken = request?.SecurityToken,
        ProfileName = request?.ProfileName,
    };

    private void SetEnvironmentKeys(string accessKey = "AK-ENV")
    {
        fixture.Environment[ContextResolver.AccessKeyVariable] = accessKey;
        fixture.Environment[ContextResolver.SecretKeyVariable] = PlantedSecretKey;
    }

    [Fact]
    public void An_explicit_token_is_used_as_is()
    {
        var context = fixture.Resolve(WithTarget(new() { Token = Secure(PlantedToken) })).Context;
        Assert.Equal("Token", context.AuthKind);
        Assert.StartsWith("credential: parameter -Token;", context.Source);
    }

    [Fact]
    public void Explicit_keys_beat_the_environment()
    {
        SetEnvironmentKeys();
        var context = fixture.Resolve(WithTarget(new() { AccessKey = "AK-PARAM", SecretKey = Secure(PlantedSecretKey) })).Context;
        Assert.Equal("AK-PARAM", context.AccessKeyId);
    }

    [Fact]
    public void An_access_key_without_a_secret_key_is_an_error_naming_SecretKey() =>
        Assert.Contains("-SecretKey", fixture.Fails(WithTarget(new() { AccessKey = "AK" })).Message);

    [Fact]
    public void A_secret_key_without_an_access_key_is_an_error_naming_AccessKey() =>
        Assert.Contains("-AccessKey", fixture.Fails(WithTarget(new() { SecretKey = Secure(PlantedSecretKey) })).Message);

    [Fact]
    public void A_security_token_alone_is_an_error() =>
        Assert.Contains("-SecurityToken", fixture.Fails(WithTarget(new() { SecurityToken = Secure(PlantedSecurityToken) })).Message);

    [Fact]
    public void A_token_and_keys_together_are_an_error() =>
        fixture.Fails(WithTarget(new() { Token = Secure(PlantedToken), AccessKey = "AK", SecretKey = Secure(PlantedSecretKey) }));

    [Fact]
    public void A_named_profile_supplies_keys_security_token_and_project()
    {
        SetEnvironmentKeys();
        fixture.WriteCredentials($"[basic]\nak = AK-BASIC\nsk = x\n[dev]\nak = AK-DEV\nsk = {PlantedSecretKey}\nsecurity_token = {PlantedSecurityToken}\nproject_id = p-dev\n");

        var context = fixture.Resolve(new() { Endpoint = new Uri(Endpoint), ProfileName = "dev" }).Context;

        Assert.Equal(("AK-DEV", "TemporaryAkSk", "p-dev"), (context.AccessKeyId, context.AuthKind, context.ProjectId));
        Assert.StartsWith("credential: credentials file [dev]; project: credentials file [dev];", context.Source);
    }

    [Fact]
    public void A_named_profile_missing_from_the_file_is_an_error_not_a_fall_through()
    {
        SetEnvironmentKeys();
        fixture.WriteCredentials("[basic]\nak = AK\nsk = x\n");
        Assert.Contains("[dev]", fixture.Fails(WithTarget(new() { ProfileName = "dev" })).Message);
    }

    [Fact]
    public void A_named_profile_without_a_credentials_file_is_an_error()
    {
        SetEnvironmentKeys();
        Assert.Contains("no credentials file", fixture.Fails(WithTarget(new() { ProfileName = "dev" })).Message);
    }

    [Fact]
    public void A_profile_and_explicit_keys_together_are_an_error() =>
        fixture.Fails(WithTarget(new() { ProfileName = "dev", AccessKey = "AK", SecretKey = Secure(PlantedSecretKey) }));

    [Fact]
    public void The_environment_beats_the_credentials_file()
    {
        SetEnvironmentKeys();
        fixture.WriteCredentials("[basic]\nak = AK-FILE\nsk = x\n");
        var context = fixture.Resolve(WithTarget()).Context;
        Assert.Equal("AK-ENV", context.AccessKeyId);
        Assert.StartsWith("credential: environment (HUAWEICLOUD_SDK_AK/SK);", context.Source);
    }

    [Fact]
    public void An_environment_secret_key_without_access_key_is_an_error_naming_the_variable()
    {
        fixture.Environment[ContextResolver.SecretKeyVariable] = PlantedSecretKey;
        Assert.Contains(ContextResolver.AccessKeyVariable, fixture.Fails(WithTarget()).Message);
    }

    [Fact]
    public void An_environment_security_token_makes_the_keys_temporary()
    {
        SetEnvironmentKeys();
        fixture.Environment[ContextResolver.SecurityTokenVariable] = PlantedSecurityToken;
        Assert.Equal("TemporaryAkSk", fixture.Resolve(WithTarget()).Context.AuthKind);
    }

    [Fact]
    public void DLI_AUTH_TOKEN_gives_a_token_credential()
    {
        fixture.Environment[ContextResolver.TokenVariable] = PlantedToken;
        var context = fixture.Resolve(WithTarget()).Context;
        Assert.Equal("Token", context.AuthKind);
        Assert.StartsWith("credential: environment (DLI_AUTH_TOKEN);", context.Source);
    }

    [Fact]
    public void The_basic_section_is_the_last_resort_and_its_project_beats_the_environment()
    {
        fixture.Environment[ContextResolver.ProjectIdVariable] = "p-env";
        fixture.Environment[ContextResolver.EndpointVariable] = Endpoint;
        fixture.WriteCredentials($"[basic]\nak = AK-FILE\nsk = {PlantedSecretKey}\nproject_id = p-file\n");

        var context = fixture.Resolve(new()).Context;

        Assert.Equal(("AK-FILE", "p-file"), (context.AccessKeyId, context.ProjectId));
        Assert.Equal("credential: credentials file [basic]; project: credentials file [basic]; endpoint: DLI_ENDPOINT", context.Source);
    }

    [Fact]
    public void The_credentials_file_variable_moves_the_file()
    {
        var path = Path.Combine(fixture.Home, "elsewhere.ini");
        fixture.Environment[CredentialsFile.PathVariable] = path;
        fixture.WriteCredentials("[basic]\nak = AK-MOVED\nsk = x\n", path);
        Assert.Equal("AK-MOVED", fixture.Resolve(WithTarget()).Context.AccessKeyId);
    }

    [Fact]
    public void No_credential_at_all_explains_how_to_connect()
    {
        var message = fixture.Fails(WithTarget()).Message;
        Assert.Contains("Connect-Dli", message);
        Assert.Contains(ContextResolver.AccessKeyVariable, message);
        Assert.Contains(ContextResolver.TokenVariable, message);
        Assert.Contains("[basic]", message);
    }

    [Fact]
    public void The_environment_project_beats_the_basic_section_when_the_credential_is_not_from_the_file()
    {
        SetEnvironmentKeys();
        fixture.Environment[ContextResolver.ProjectIdVariable] = "p-env";
        fixture.WriteCredentials("[basic]\nproject_id = p-file\n");
        var context = fixture.Resolve(new() { Endpoint = new Uri(Endpoint) }).Context;
        Assert.Equal("p-env", context.ProjectId);
    }

    [Fact]
    public void The_basic_project_is_used_when_nothing_else_has_one()
    {
        SetEnvironmentKeys();
        fixture.WriteCredentials("[basic]\nproject_id = p-file\n");
        Assert.Equal("p-file", fixture.Resolve(new() { Endpoint = new Uri(Endpoint) }).Context.ProjectId);
    }

    [Fact]
    public void An_explicit_project_beats_every_other_source()
    {
        SetEnvironmentKeys();
        fixture.Environment[ContextResolver.ProjectIdVariable] = "p-env";
        Assert.Equal("p-explicit", fixture.Resolve(WithTarget()).Context.ProjectId);
    }

    [Fact]
    public void A_missing_project_says_how_to_provide_it()
    {
        SetEnvironmentKeys();
        var message = fixture.Fails(new() { Endpoint = new Uri(Endpoint) }).Message;
        Assert.Contains("-ProjectId", message);
        Assert.Contains(ContextResolver.ProjectIdVariable, message);
    }

    [Theory]
    [InlineData(true, true, true, true, "https://explicit.example.com/", "parameter -Endpoint")]
    [InlineData(false, true, true, true, "https://dli.ap-southeast-1.myhuaweicloud.com/", "parameter -Region")]
    [InlineData(false, false, true, true, "https://env.example.com/", "DLI_ENDPOINT")]
    [InlineData(false, false, false, true, "https://dli.cn-east-3.myhuaweicloud.com/", "DLI_REGION")]
    public void The_endpoint_comes_from_the_first_source_that_has_one(
        bool endpoint, bool region, bool endpointVariable, bool regionVariable, string expected, string source)
    {
        SetEnvironmentKeys();
        if (endpointVariable) fixture.Environment[ContextResolver.EndpointVariable] = "https://env.example.com/";
        if (regionVariable) fixture.Environment[ContextResolver.RegionVariable] = "cn-east-3";
        var context = fixture.Resolve(new()
        {
            ProjectId = "p",
            Endpoint = endpoint ? new Uri("https://explicit.example.com/") : null,
            Region = region ? "ap-southeast-1" : null,
        }).Context;
        Assert.Equal((expected, true), (context.Endpoint.ToString(), context.Source.EndsWith("endpoint: " + source)));
    }

    [Fact]
    public void A_missing_endpoint_says_how_to_provide_it()
    {
        SetEnvironmentKeys();
        var message = fixture.Fails(new() { ProjectId = "p" }).Message;
        Assert.Contains("-Region", message);
        Assert.Contains(ContextResolver.EndpointVariable, message);
    }

    [Fact]
    public void A_region_that_is_not_a_region_id_is_refused()
    {
        SetEnvironmentKeys();
        fixture.Fails(new() { ProjectId = "p", Region = "evil.example.com/x" });
    }

    [Fact]
    public void Credentials_over_plain_http_are_refused_unless_loopback()
    {
        SetEnvironmentKeys();
        fixture.Fails(WithTarget(new() { Endpoint = new Uri("http://dli.example.com/") }));
        Assert.Equal("http", fixture.Resolve(WithTarget(new() { Endpoint = new Uri("http://127.0.0.1:8080/") })).Context.Endpoint.Scheme);
    }

    [Fact]
    public void Diagnostics_name_a_source_for_each_item()
    {
        SetEnvironmentKeys();
        fixture.Environment[ContextResolver.EndpointVariable] = Endpoint;
        fixture.WriteCredentials("[basic]\nproject_id = p-file\n");

        var diagnostics = fixture.Resolve(new()).Diagnostics;

        Assert.Contains("Credential (AkSk) from environment (HUAWEICLOUD_SDK_AK/SK).", diagnostics);
        Assert.Contains("Project id from credentials file [basic].", diagnostics);
        Assert.Contains("Endpoint from DLI_ENDPOINT.", diagnostics);
        Assert.Contains($"Credentials file: '{fixture.DefaultCredentialsPath}'.", diagnostics);
        Assert.DoesNotContain(diagnostics, line => line.Contains("p-file") || line.Contains("AK-ENV"));
    }

    public void Dispose() => fixture.Dispose();
}
