using System.Security;
using DliSession.Client.Auth;

namespace DliSession.Client.Tests.Security;

/// <summary>What goes into a header or the endpoint is checked when the context is built, and errors never echo it.</summary>
public sealed class ContextValidationTests
{
    private static SecureString Secret(string text) => SecureStrings.FromString(text);

    [Theory]
    [InlineData("t\r\nX-Evil: smuggled")]
    [InlineData("t\nX-Evil: smuggled")]
    [InlineData("t\0smuggled")]
    [InlineData("t\u001bsmuggled")]
    public void A_token_with_a_control_character_is_refused_without_its_value(string token)
    {
        var refused = Assert.Throws<ArgumentException>(() => new TokenCredential(Secret(token)));
        Assert.Contains("token holds a control character", refused.Message);
        Assert.DoesNotContain("smuggled", refused.Message);
    }

    [Theory]
    [InlineData("AK\r\nX-Evil: smuggled", "sk", null, "access key")]
    [InlineData("AK", "sk\nsmuggled", null, "secret key")]
    [InlineData("AK", "sk", "st\r\nX-Evil: smuggled", "security token")]
    public void An_access_key_part_with_a_control_character_is_refused_by_name(string ak, string sk, string? st, string item)
    {
        var refused = Assert.Throws<ArgumentException>(() => new AccessKeyCredential(ak, Secret(sk), st is null ? null : Secret(st)));
        Assert.Contains($"{item} holds a control character", refused.Message);
        Assert.DoesNotContain("smuggled", refused.Message);
    }

    [Fact]
    public void The_resolver_names_the_environment_variable_that_held_it()
    {
        var environment = new Dictionary<string, string?>
        {
            [ContextResolver.TokenVariable] = "t\r\nX-Evil: smuggled",
            [ContextResolver.ProjectIdVariable] = "p1",
            [ContextResolver.EndpointVariable] = "https://dli.example.com",
        };
        var resolver = new ContextResolver(name => environment.GetValueOrDefault(name), homeDirectory: null);
        var refused = Assert.Throws<DliCredentialException>(() => resolver.Resolve(new ConnectionRequest()));
        Assert.StartsWith($"{ContextResolver.TokenVariable} holds a control character", refused.Message);
        Assert.DoesNotContain("smuggled", refused.Message);
    }

    [Theory]
    [InlineData("https://user:pass-secret@dli.example.com/")]
    [InlineData("https://pass-secret@dli.example.com/")]
    public void User_info_in_the_endpoint_is_refused_without_echo(string endpoint)
    {
        var refused = Assert.Throws<ArgumentException>(() => new DliContext(new Uri(endpoint), "p1", NoCredential.Instance));
        Assert.DoesNotContain("pass-secret", refused.Message);
    }

    [Theory]
    [InlineData("https://dli.example.com/base")]
    [InlineData("https://dli.example.com/?x=1")]
    [InlineData("https://dli.example.com/#x")]
    public void An_endpoint_with_a_path_query_or_fragment_is_refused(string endpoint) =>
        Assert.Contains("path, query or fragment",
            Assert.Throws<ArgumentException>(() => new DliContext(new Uri(endpoint), "p1", NoCredential.Instance)).Message);
}
