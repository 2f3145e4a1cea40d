using System.Net;
using System.Text.Json;

namespace DliSession.Emulator.Tests;

public sealed class AuthenticationTests
{
    private const string Body = """{"kind":"spark","queue":"q1"}""";

    private static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(TestEmulator emulator, HttpRequestMessage request)
    {
        using var response = await emulator.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void AssertRejected((HttpStatusCode Status, JsonElement Json) answer, string reasonFragment)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("DLI.0013", answer.Json.GetProperty("error_code").GetString());
        Assert.Contains(reasonFragment, answer.Json.GetProperty("error_msg").GetString());
    }

    [Fact]
    public async Task A_signed_create_is_accepted_and_the_access_key_owns_the_session()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (status, json) = await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Post, TestEmulator.SessionsPath, Body));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(RequestSigner.AccessKey, json.GetProperty("owner").GetString());
    }

    [Fact]
    public async Task A_signed_get_with_an_escaped_query_is_accepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var path = TestEmulator.SessionsPath + "?size=5&from=0&queue=a%20b";
        var (status, json) = await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Get, path, null));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, json.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_tampered_body_is_rejected()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var request = RequestSigner.Signed(HttpMethod.Post, TestEmulator.SessionsPath, Body);
        request.Content = new StringContent("""{"kind":"spark","queue":"q2"}""", System.Text.Encoding.UTF8, "application/json");
        AssertRejected(await SendAsync(emulator, request), "signature does not match");
    }

    [Fact]
    public async Task A_date_twenty_minutes_old_is_rejected()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var request = RequestSigner.Signed(HttpMethod.Get, TestEmulator.SessionsPath, null, at: DateTimeOffset.UtcNow.AddMinutes(-20));
        AssertRejected(await SendAsync(emulator, request), "15 minutes");
    }

    [Fact]
    public async Task A_wrong_secret_key_is_rejected_without_echoing_a_secret()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var answer = await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Get, TestEmulator.SessionsPath, null, secretKey: "wrong-secret"));
        AssertRejected(answer, "signature does not match");
        Assert.DoesNotContain("secret", answer.Json.GetRawText());
    }

    [Fact]
    public async Task An_unknown_access_key_is_rejected()
    {
        await using var emulator = await TestEmulator.StartAsync();
        AssertRejected(await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Get, TestEmulator.SessionsPath, null, accessKey: "OTHERAK")), "not known");
    }

    [Fact]
    public async Task A_temporary_pair_needs_its_signed_security_token()
    {
        await using var emulator = await TestEmulator.StartAsync("--aksk", "TEMPAK:temp-secret:sts-token");
        var path = TestEmulator.SessionsPath;
        AssertRejected(await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Get, path, null, accessKey: "TEMPAK", secretKey: "temp-secret")),
            "X-Security-Token");
        AssertRejected(await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Get, path, null, accessKey: "TEMPAK", secretKey: "temp-secret", securityToken: "other")),
            "X-Security-Token");
        var accepted = await SendAsync(emulator, RequestSigner.Signed(HttpMethod.Get, path, null, accessKey: "TEMPAK", secretKey: "temp-secret", securityToken: "sts-token"));
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }

    [Fact]
    public async Task The_configured_token_is_accepted_and_another_is_rejected()
    {
        await using var emulator = await TestEmulator.StartAsync("--token", "t-123");
        var good = TestEmulator.Request(HttpMethod.Get, TestEmulator.SessionsPath, withToken: false);
        good.Headers.Add("X-Auth-Token", "t-123");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, good)).Status);
        AssertRejected(await SendAsync(emulator, TestEmulator.Request(HttpMethod.Get, TestEmulator.SessionsPath)), "X-Auth-Token");
    }

    [Fact]
    public async Task A_request_without_credentials_is_rejected_unless_auth_is_off()
    {
        await using (var on = await TestEmulator.StartAsync())
            AssertRejected(await SendAsync(on, TestEmulator.Request(HttpMethod.Get, TestEmulator.SessionsPath, withToken: false)), "neither");
        await using var off = await TestEmulator.StartAsync("--auth", "off");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(off, TestEmulator.Request(HttpMethod.Get, TestEmulator.SessionsPath, withToken: false))).Status);
    }

    [Fact]
    public async Task Another_project_in_the_path_is_rejected()
    {
        await using var emulator = await TestEmulator.StartAsync();
        AssertRejected(await SendAsync(emulator, TestEmulator.Request(HttpMethod.Get, "/v2.0/other-project/sessions")), "project");
    }
}
