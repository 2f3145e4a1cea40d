using DliSession.Client.Auth;

namespace DliSession.Client.Tests.Auth;

public sealed class DliContextTests
{
    private static readonly DliCredential Token = new TokenCredential(SecureStrings.FromString("t"));

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("https://dli.cn-north-4.myhuaweicloud.com/")]
    public void Credentials_go_over_https_or_to_loopback(string endpoint) =>
        Assert.Equal(new Uri(endpoint), new DliContext(new Uri(endpoint), "p", Token).Endpoint);

    [Fact]
    public void Credentials_over_plain_http_to_another_host_are_refused() =>
        Assert.Throws<ArgumentException>(() => new DliContext(new Uri("http://dli.example.com/"), "p", Token));

    [Fact]
    public void No_credential_may_use_plain_http_anywhere() =>
        Assert.Equal("http", new DliContext(new Uri("http://dli.example.com/"), "p", NoCredential.Instance).Endpoint.Scheme);
}
