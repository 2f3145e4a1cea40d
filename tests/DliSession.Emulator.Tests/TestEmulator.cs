using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DliSession.Emulator.Tests;

/// <summary>An emulator hosted in-process (TestServer by default, real loopback Kestrel on request) plus the
/// small request helpers every test uses.</summary>
internal sealed class TestEmulator : IAsyncDisposable
{
    public const string ProjectId = "emulator-project";
    public const string Token = "emulator-token";
    public const string SessionsPath = "/v2.0/" + ProjectId + "/sessions";
    public const string BatchesPath = "/v2.0/" + ProjectId + "/batches";

    /// <summary>The smallest valid create-batch body: the application, its main class and a queue.</summary>
    public const string MinimalBatch = """{"file":"obs://bucket/app.jar","className":"com.example.Main","queue":"q1"}""";

    private TestEmulator(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }
    public HttpClient Client { get; }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<TestEmulator> StartAsync(params string[] args)
    {
        var app = EmulatorApp.Build(args, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new TestEmulator(app, app.GetTestClient());
    }

    /// <summary>An emulator whose clock is <paramref name="clock"/>, e.g. a FakeTimeProvider that a test advances.</summary>
    public static async Task<TestEmulator> StartAsync(TimeProvider clock, params string[] args)
    {
        var app = EmulatorApp.Build(args, b =>
        {
            b.WebHost.UseTestServer();
            b.Services.AddSingleton(clock);
        });
        await app.StartAsync();
        return new TestEmulator(app, app.GetTestClient());
    }

    /// <summary>A real socket, for what TestServer cannot show (connection ids, aborted connections).</summary>
    public static async Task<TestEmulator> StartKestrelAsync(params string[] args)
    {
        var app = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", .. args]);
        await app.StartAsync();
        return new TestEmulator(app, new HttpClient { BaseAddress = new Uri(app.Urls.First()) });
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? body = null, bool withToken = true)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        if (withToken) request.Headers.Add("X-Auth-Token", Token);
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null) =>
        Client.SendAsync(Request(method, path, body));

    /// <summary>Sends an authenticated request and returns the status and the raw JSON text.</summary>
    public async Task<(int Status, string Text)> CallAsync(HttpMethod method, string path, string? body = null)
    {
        using var response = await SendAsync(method, path, body);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string? body = null, int expectedStatus = 200)
    {
        var (status, text) = await CallAsync(method, path, body);
        Assert.True(status == expectedStatus, $"{method} {path} answered {status}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> CreateSessionAsync(string body = """{"kind":"spark","queue":"q1"}""") =>
        (await JsonAsync(HttpMethod.Post, SessionsPath, body)).GetProperty("id").GetString()!;

    public async Task<string> CreateBatchAsync(string body = MinimalBatch) =>
        (await JsonAsync(HttpMethod.Post, BatchesPath, body)).GetProperty("id").GetString()!;

    public async Task<string> BatchStateAsync(string id) =>
        (await JsonAsync(HttpMethod.Get, $"{BatchesPath}/{id}/state")).GetProperty("state").GetString()!;

    public async Task<string> StateAsync(string id) =>
        (await JsonAsync(HttpMethod.Get, $"{SessionsPath}/{id}/state")).GetProperty("state").GetString()!;

    /// <summary>Calls the control API (no credentials) and returns its JSON answer, failing the test on an error status.</summary>
    public async Task<JsonElement> ControlAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls until the condition holds; fails the test after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
