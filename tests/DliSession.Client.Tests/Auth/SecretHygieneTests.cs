using DliSession.Client.Auth;
using static DliSession.Client.Tests.Auth.ResolverFixture;

namespace DliSession.Client.Tests.Auth;

/// <summary>Planted secrets must not surface in any message, <c>ToString</c>, source or diagnostic line.</summary>
public sealed class SecretHygieneTests : IDisposable
{
    private readonly ResolverFixture fixture = new();

    public static TheoryData<string> FailingSetups => ["sk-only", "token-and-keys", "missing-profile", "bad-line", "no-project", "plain-http"];

    [Theory]
    [MemberData(nameof(FailingSetups))]
    public void Errors_hold_no_secret(string setup)
    {
        fixture.Environment[ContextResolver.SecurityTokenVariable] = PlantedSecurityToken;
        fixture.Environment[ContextResolver.TokenVariable] = PlantedToken;
        fixture.WriteCredentials($"[basic]\nak = AK\nsk = {PlantedSecretKey}\n{(setup == "bad-line" ? PlantedSecretKey : "")}\n");
        var endpoint = new Uri(setup == "plain-http" ? "http://dli.example.com/" : "https://dli.example.com/");
        ConnectionRequest request = setup switch
        {
            "sk-only" => new() { SecretKey = Secure(PlantedSecretKey), Endpoint = endpoint, ProjectId = "p" },
            "token-and-keys" => new() { Token = Secure(PlantedToken), AccessKey = "AK", SecretKey = Secure(PlantedSecretKey) },
            "missing-profile" => new() { ProfileName = "absent", Endpoint = endpoint, ProjectId = "p" },
            "bad-line" => new() { Endpoint = endpoint, ProjectId = "p" },
            "no-project" => new() { AccessKey = "AK", SecretKey = Secure(PlantedSecretKey), Endpoint = endpoint },
            _ => new() { AccessKey = "AK", SecretKey = Secure(PlantedSecretKey), Endpoint = endpoint, ProjectId = "p" },
        };
        // The file is only read when no earlier source has a credential.
        if (setup == "bad-line") fixture.Environment.Clear();

        AssertClean(fixture.Fails(request).ToString());
    }

    [Fact]
    public void A_resolved_context_shows_no_secret()
    {
        fixture.Environment[ContextResolver.AccessKeyVariable] = "AK-ENV";
        fixture.Environment[ContextResolver.SecretKeyVariable] = PlantedSecretKey;
        fixture.Environment[ContextResolver.SecurityTokenVariable] = PlantedSecurityToken;
        fixture.Environment[ContextResolver.EndpointVariable] = "https://dli.example.com/";
        fixture.Environment[ContextResolver.ProjectIdVariable] = "p";
        var request = new ConnectionRequest { Region = "cn-north-4" };

        var resolution = fixture.Resolve(request);

        AssertClean(string.Join('\n', [resolution.ToString(), resolution.Context.ToString(), resolution.Context.Source,
            resolution.Context.Credential.ToString(), request.ToString(), .. resolution.Diagnostics]));
    }

    [Fact]
    public void Signing_errors_hold_no_secret()
    {
        var credential = new AccessKeyCredential("AK", Secure(PlantedSecretKey), Secure(PlantedSecurityToken));
        using var request = new HttpRequestMessage { Method = HttpMethod.Get };
        AssertClean(Assert.ThrowsAny<Exception>(() => credential.Authenticate(request, [], "p", DateTimeOffset.UnixEpoch)).ToString());
        AssertClean(credential.ToString());
    }

    private static void AssertClean(string text)
    {
        foreach (var secret in Planted) Assert.DoesNotContain(secret, text);
    }

    public void Dispose() => fixture.Dispose();
}
