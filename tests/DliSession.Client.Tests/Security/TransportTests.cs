using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DliSession.Client.Auth;
using DliSession.Client.Errors;
using DliSession.Client.Http;
using DliSession.Client.Json;

namespace DliSession.Client.Tests.Security;

/// <summary>What the transport tells a user when TLS fails, and answers that start with a byte order mark.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task A_certificate_failure_says_why_in_the_message()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=not-dli.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var serverCertificate = X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var serve = Task.Run(async () =>
            {
                using var client = await listener.AcceptTcpClientAsync();
                await using var tls = new SslStream(client.GetStream());
                try { await tls.AuthenticateAsServerAsync(serverCertificate); }
                catch (Exception ex) when (ex is IOException or System.Security.Authentication.AuthenticationException) { }
            });
            var context = new DliContext(new Uri($"https://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/"), "p1",
                new TokenCredential(SecureStrings.FromString("t"))).WithHttp(DliHttpSettings.Default with { MaxAttempts = 1 });
            var failure = await Assert.ThrowsAsync<DliException>(() =>
                new DliClient(context, http: DliHttp.Client).GetSessionAsync("s1", CancellationToken.None));
            Assert.Equal("DliConnectionFailed", failure.ErrorId);
            Assert.Contains("certificate", failure.Message);
            Assert.DoesNotContain("see inner exception", failure.Message);
            await serve;
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void A_JSON_answer_may_start_with_a_UTF8_byte_order_mark()
    {
        var body = Encoding.UTF8.GetPreamble().Concat("""{"id":"s1","state":"idle"}"""u8.ToArray()).ToArray();
        Assert.Equal("s1", ResponseParser.Parse(body, DliJsonContext.Default.SessionWire, "a session").Id);
    }
}
