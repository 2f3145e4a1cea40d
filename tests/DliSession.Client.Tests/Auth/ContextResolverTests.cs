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

    private static void AssertProblem(ConnectionProblem problem, string[] items, DliCredentialException failure)
    {
        Assert.Equal(problem, failure.Problem);
        Assert.Equal(items, failure.Items);
    }

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
        Assert.StartsWith("credential: parameter Token;", context.Source);
    }

    [Fact]
    public void The_callers_own_names_for_its_items_are_used_in_sources_and_errors()
    {
        var request = new ConnectionRequest { Endpoint = new Uri(Endpoint), ProjectId = "p", Token = Secure(PlantedToken), ItemName = name => $"<{name}>" };
        Assert.StartsWith("credential: parameter <Token>; project: parameter <ProjectId>; endpoint: parameter <Endpoint>", fixture.Resolve(request).Context.Source);

        var failure = fixture.Fails(new ConnectionRequest { Endpoint = new Uri(Endpoint), ProjectId = "p", AccessKey = "AK", ItemName = name => $"<{name}>" });
        Assert.Equal("<AccessKey> was given without <SecretKey>.", failure.Message);
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
        AssertProblem(ConnectionProblem.Incomplete, ["AccessKey", "SecretKey"], fixture.Fails(WithTarget(new() { AccessKey = "AK" })));

    [Fact]
    public void A_secret_key_without_an_access_key_is_an_error_naming_AccessKey() =>
        AssertProblem(ConnectionProblem.Incomplete, ["SecretKey", "AccessKey"], fixture.Fails(WithTarget(new() { SecretKey = Secure(PlantedSecretKey) })));

    [Fact]
    public void A_security_token_alone_is_an_error() =>
        AssertProblem(ConnectionProblem.Incomplete, ["SecurityToken", "AccessKey", "SecretKey"],
            fixture.Fails(WithTarget(new() { SecurityToken = Secure(PlantedSecurityToken) })));

    [Fact]
    public void A_token_and_keys_together_are_an_error() =>
        AssertProblem(ConnectionProblem.Conflicting, ["Token", "AccessKey"],
            fixture.Fails(WithTarget(new() { Token = Secure(PlantedToken), AccessKey = "AK", SecretKey = Secure(PlantedSecretKey) })));

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
        var failure = fixture.Fails(WithTarget(new() { ProfileName = "dev" }));
        Assert.Contains("[dev]", failure.Message);
        AssertProblem(ConnectionProblem.ProfileNotFound, ["dev", fixture.DefaultCredentialsPath], failure);
    }

    [Fact]
    public void A_named_profile_without_a_credentials_file_is_an_error()
    {
        SetEnvironmentKeys();
        Assert.Contains("no credentials file", fixture.Fails(WithTarget(new() { ProfileName = "dev" })).Message);
    }

    [Fact]
    public void A_profile_and_explicit_keys_together_are_an_error() =>
        AssertProblem(ConnectionProblem.Conflicting, ["ProfileName", "AccessKey"],
            fixture.Fails(WithTarget(new() { ProfileName = "dev", AccessKey = "AK", SecretKey = Secure(PlantedSecretKey) })));

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
    public void No_credential_at_all_says_where_it_looked_and_names_no_cmdlet()
    {
        var failure = fixture.Fails(WithTarget());
        Assert.Equal(ConnectionProblem.NoCredential, failure.Problem);
        Assert.Equal([ContextResolver.AccessKeyVariable, ContextResolver.SecretKeyVariable, ContextResolver.SecurityTokenVariable,
            ContextResolver.TokenVariable, "[basic]", fixture.DefaultCredentialsPath], failure.Items);
        Assert.Contains(ContextResolver.TokenVariable, failure.Message);
        Assert.DoesNotContain("Connect-Dli", failure.Message);
        Assert.DoesNotMatch(@"(^|\s)-[A-Z]", failure.Message);
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
        var failure = fixture.Fails(new() { Endpoint = new Uri(Endpoint) });
        AssertProblem(ConnectionProblem.NoProjectId, [ContextResolver.ProjectIdVariable, "[basic]", fixture.DefaultCredentialsPath], failure);
        Assert.Contains(ContextResolver.ProjectIdVariable, failure.Message);
    }

    [Theory]
    [InlineData(true, true, true, true, "https://explicit.example.com/", "parameter Endpoint")]
    [InlineData(false, true, true, true, "https://dli.ap-southeast-1.myhuaweicloud.com/", "parameter Region")]
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
        var failure = fixture.Fails(new() { ProjectId = "p" });
        AssertProblem(ConnectionProblem.NoEndpoint, [ContextResolver.EndpointVariable, ContextResolver.RegionVariable], failure);
        Assert.Contains(ContextResolver.EndpointVariable, failure.Message);
    }

    [Fact]
    public void A_region_that_is_not_a_region_id_is_refused()
    {
        SetEnvironmentKeys();
        AssertProblem(ConnectionProblem.Invalid, ["Region"], fixture.Fails(new() { ProjectId = "p", Region = "evil.example.com/x" }));
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
