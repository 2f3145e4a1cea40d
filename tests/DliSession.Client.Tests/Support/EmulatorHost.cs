extern alias emulator;

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DliSession.Client.Auth;
using DliSession.Client.Http;
using Microsoft.AspNetCore.Builder;
using EmulatorApp = emulator::DliSession.Emulator.EmulatorApp;

namespace DliSession.Client.Tests.Support;

/// <summary>
/// The emulator hosted in-process on a real loopback socket, so the client's whole pipeline (retry, signing,
/// buffering, SocketsHttpHandler) runs as in production, and faults such as aborted connections are real.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public const string ProjectId = "emulator-project";
    public const string Token = "emulator-token";

    private readonly WebApplication _app;
    private readonly HttpClient _control;

    private EmulatorHost(WebApplication app)
    {
        _app = app;
        BaseUri = new Uri(app.Urls.First());
        _control = new HttpClient { BaseAddress = BaseUri };
    }

    public Uri BaseUri { get; }

    public static async Task<EmulatorHost> StartAsync(params string[] args)
    {
        // Sessions are idle at once unless a test asks for a delay of its own.
        string[] idle = args.Contains("--idle-delay-ms") ? [] : ["--idle-delay-ms", "0"];
        var app = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", .. idle, .. args]);
        await app.StartAsync();
        return new EmulatorHost(app);
    }

    /// <summary>A token context for this emulator with test-sized HTTP settings.</summary>
    public DliContext Context(DliHttpSettings? http = null) =>
        new(BaseUri, ProjectId, new TokenCredential(SecureStrings.FromString(Token)), http: http ?? Fast);

    /// <summary>Short timeouts and retry waits, so a failing test fails in seconds.</summary>
    public static DliHttpSettings Fast { get; } = new(TimeSpan.FromSeconds(5), 4, TimeSpan.FromSeconds(5));

    /// <summary>
    /// A client on a private pipeline (so one test's pooled connections never meet another's faults), on
    /// <paramref name="clock"/> for its retry waits and signing dates.
    /// </summary>
    public DliClient Client(DliHttpSettings? http = null, IDliLog? log = null, TimeProvider? clock = null) =>
        new(Context(http), log, DliHttp.Create(clock ?? TimeProvider.System, primary: null));

    /// <summary>Adds a fault, given as the control API's JSON object.</summary>
    public async Task AddFaultAsync(object fault)
    {
        using var response = await _control.PostAsJsonAsync("/_emulator/faults", fault);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The API requests received so far, oldest first.</summary>
    public async Task<JsonArray> JournalAsync()
    {
        var journal = await _control.GetFromJsonAsync<JsonObject>("/_emulator/journal");
        return journal!["entries"]!.AsArray();
    }

    /// <summary>Forces a session into a state, as the control API allows (for terminal states).</summary>
    public async Task SetStateAsync(string sessionId, string state)
    {
        using var response = await _control.PostAsJsonAsync($"/_emulator/sessions/{sessionId}/state", new { state });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Makes a Spark job's driver fail now, with these log lines; returns the state it is in then (dead or recovering).</summary>
    public async Task<string> FailSparkJobAsync(string jobId, params string[] lines)
    {
        using var response = await _control.PostAsJsonAsync($"/_emulator/batches/{jobId}/fail", new { reason = "test failure", lines });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["state"]!;
    }

    /// <summary>Puts a Spark job in a state and holds it there.</summary>
    public async Task HoldSparkJobAsync(string jobId, string state)
    {
        using var response = await _control.PostAsJsonAsync($"/_emulator/batches/{jobId}/state", new { state });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>How many connections the emulator has accepted so far.</summary>
    public async Task<int> ConnectionsAsync() =>
        (await _control.GetFromJsonAsync<JsonObject>("/_emulator/stats"))!["connections"]!.GetValue<int>();

    public async Task ClearJournalAsync() => (await _control.DeleteAsync("/_emulator/journal")).EnsureSuccessStatusCode();

    /// <summary>Creates sessions straight through the API, for tests about reading them.</summary>
    public async Task<string[]> CreateSessionsAsync(int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2.0/{ProjectId}/sessions")
            {
                Content = JsonContent.Create(new { kind = "spark", queue = "q1", name = $"s{i}" }),
            };
            request.Headers.Add(TokenCredential.HeaderName, Token);
            using var response = await _control.SendAsync(request);
            ids[i] = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
