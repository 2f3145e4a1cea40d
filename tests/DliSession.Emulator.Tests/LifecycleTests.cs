using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace DliSession.Emulator.Tests;

/// <summary>A session's and its statements' life on a fake clock, so every change is checked exactly at its boundary
/// (one millisecond before and at the moment it is due), whatever the machine's load. One test keeps the system clock
/// to show the emulator runs on it by default.</summary>
public sealed class LifecycleTests
{
    private const string Sessions = TestEmulator.SessionsPath;
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    private Task<TestEmulator> StartAsync(params string[] args) => TestEmulator.StartAsync(_clock, args);

    /// <summary>Moves the fake clock to <paramref name="ms"/> milliseconds after the test's start.</summary>
    private void At(long ms)
    {
        var target = Start.AddMilliseconds(ms);
        Assert.True(target >= _clock.GetUtcNow(), "the clock only moves forward");
        _clock.SetUtcNow(target);
    }

    private static async Task<string> StatementStateAsync(TestEmulator emulator, string id, int statement) =>
        (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/{statement}")).GetProperty("state").GetString()!;

    private static async Task<string[]> StatementStatesAsync(TestEmulator emulator, string id) =>
        [.. (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements"))
            .GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("state").GetString()!)];

    /// <summary>Moves the clock through <paramref name="timeline"/>, checking the statement's state at each moment.</summary>
    private async Task AssertStatementTimelineAsync(TestEmulator emulator, string id, int statement, params (long At, string State)[] timeline)
    {
        foreach (var (at, state) in timeline)
        {
            At(at);
            Assert.Equal(state, await StatementStateAsync(emulator, id, statement));
        }
    }

    [Fact]
    public async Task A_session_is_starting_until_the_idle_delay_passes_then_idle()
    {
        await using var emulator = await StartAsync("--idle-delay-ms", "1000");
        var id = await emulator.CreateSessionAsync();
        At(999);
        var starting = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}");
        Assert.Equal("starting", starting.GetProperty("state").GetString());
        Assert.Equal("", starting.GetProperty("appId").GetString());
        Assert.Equal(0, starting.GetProperty("update_time").GetInt64());
        Assert.DoesNotContain(starting.GetProperty("log").EnumerateArray(), l => l.GetString()!.Contains("session is idle"));

        At(1000);
        var idle = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}");
        Assert.Equal("idle", idle.GetProperty("state").GetString());
        Assert.NotEqual("", idle.GetProperty("appId").GetString());
        Assert.Equal(Start.ToUnixTimeMilliseconds() + 1000, idle.GetProperty("update_time").GetInt64());
        Assert.Contains(idle.GetProperty("log").EnumerateArray(), l => l.GetString()!.Contains("session is idle"));
    }

    [Fact]
    public async Task On_the_system_clock_a_session_goes_idle_by_itself()
    {
        // End to end on real time: the emulator's default clock moves states without anyone advancing it.
        // The create answer is the state at creation; a later read could already be past 200 ms on a loaded machine.
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "200");
        var created = await emulator.JsonAsync(HttpMethod.Post, Sessions, """{"kind":"spark","queue":"q1"}""");
        Assert.Equal("starting", created.GetProperty("state").GetString());
        var id = created.GetProperty("id").GetString()!;
        await TestEmulator.WaitUntilAsync(async () => await emulator.StateAsync(id) == "idle", "idle");
    }

    [Fact]
    public async Task A_statement_goes_waiting_running_available_with_output_while_the_session_is_busy()
    {
        // 600 ms a statement: waiting for the first fifth (120 ms), then running until 600 ms.
        await using var emulator = await StartAsync("--idle-delay-ms", "0", "--statement-ms", "600");
        var id = await emulator.CreateSessionAsync();
        var (_, createdText) = await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"val a = 1"}""");
        Assert.Equal("""{"id":0,"code":"val a = 1","state":"waiting","output":null,"progress":0}""", createdText);
        var statementPath = $"{Sessions}/{id}/statements/0";

        At(119);
        Assert.Equal("waiting", await StatementStateAsync(emulator, id, 0));
        Assert.Equal("busy", await emulator.StateAsync(id));

        At(120);
        var running = await emulator.JsonAsync(HttpMethod.Get, statementPath);
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.Equal(0.5, running.GetProperty("progress").GetDouble());
        Assert.Equal("busy", await emulator.StateAsync(id));

        At(599);
        var stillRunning = await emulator.JsonAsync(HttpMethod.Get, statementPath);
        Assert.Equal("running", stillRunning.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, stillRunning.GetProperty("output").ValueKind);
        Assert.Equal("busy", await emulator.StateAsync(id));

        At(600);
        var done = await emulator.JsonAsync(HttpMethod.Get, statementPath);
        Assert.Equal("available", done.GetProperty("state").GetString());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());
        var output = done.GetProperty("output");
        Assert.Equal("ok", output.GetProperty("status").GetString());
        Assert.Equal(0, output.GetProperty("execution_count").GetInt32());
        Assert.Contains("DLI emulator", output.GetProperty("data").GetProperty("text/plain").GetString());
        Assert.Equal("idle", await emulator.StateAsync(id));

        var list = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements");
        Assert.Equal(["total_statements", "statements"], list.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, list.GetProperty("total_statements").GetInt32());
    }

    [Fact]
    public async Task Statements_run_one_at_a_time_in_order_with_ids_from_zero()
    {
        // 1000 ms a statement, 200 ms of it waiting: statement n holds the slot from n s to n+1 s and runs from n.2 s.
        await using var emulator = await StartAsync("--idle-delay-ms", "0", "--statement-ms", "1000");
        var id = await emulator.CreateSessionAsync();
        for (var i = 0; i < 3; i++)
        {
            var created = await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", $$"""{"code":"{{i}}"}""");
            Assert.Equal(i, created.GetProperty("id").GetInt32());
        }

        (long At, string[] States)[] timeline =
        [
            (199, ["waiting", "waiting", "waiting"]), (200, ["running", "waiting", "waiting"]),
            (1199, ["available", "waiting", "waiting"]), (1200, ["available", "running", "waiting"]),
            (2199, ["available", "available", "waiting"]), (2999, ["available", "available", "running"]),
        ];
        foreach (var (at, states) in timeline)
        {
            At(at);
            Assert.Equal(states, await StatementStatesAsync(emulator, id));
            Assert.Equal("busy", await emulator.StateAsync(id));
        }
        At(3000);
        Assert.Equal(["available", "available", "available"], await StatementStatesAsync(emulator, id));
        Assert.Equal("idle", await emulator.StateAsync(id));
    }

    [Fact]
    public async Task Code_that_throws_ends_available_with_a_Livy_error_output()
    {
        await using var emulator = await StartAsync("--idle-delay-ms", "0", "--statement-ms", "0");
        var id = await emulator.CreateSessionAsync();
        await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"throw new Exception(\"boom\")"}""");
        var statement = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/0");
        Assert.Equal("available", statement.GetProperty("state").GetString());
        Assert.Equal("""{"status":"error","execution_count":0,"ename":"EmulatedError","evalue":"new Exception(\"boom\")","traceback":["at <console>:1"]}""",
            statement.GetProperty("output").GetRawText());
    }

    [Fact]
    public async Task Cancel_turns_a_running_and_a_waiting_statement_cancelled_and_leaves_an_available_one()
    {
        // 400 ms a statement, 80 ms of it waiting; all three are queued at 0: slots 0–400, 400–800, 800–1200.
        await using var emulator = await StartAsync("--idle-delay-ms", "0", "--statement-ms", "400");
        var id = await emulator.CreateSessionAsync();
        for (var i = 1; i <= 3; i++)
            await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", $$"""{"code":"{{i}}"}""");

        At(100);
        var (_, canceled) = await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/0/cancel");
        Assert.Equal("""{"msg":"canceled"}""", canceled);
        await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/2/cancel");
        var first = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/0");
        Assert.Equal("cancelled", first.GetProperty("state").GetString());
        Assert.Equal(0.5, first.GetProperty("progress").GetDouble());
        var third = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/2");
        Assert.Equal("cancelled", third.GetProperty("state").GetString());
        Assert.Equal(0.0, third.GetProperty("progress").GetDouble());

        // Statement 1 moved into the freed slot at 100 ms: it runs from 180 ms and is done at 500 ms, not at 800 ms.
        await AssertStatementTimelineAsync(emulator, id, 1, (179, "waiting"), (180, "running"), (499, "running"));
        Assert.Equal("busy", await emulator.StateAsync(id));
        await AssertStatementTimelineAsync(emulator, id, 1, (500, "available"));
        await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/1/cancel");
        Assert.Equal("available", await StatementStateAsync(emulator, id, 1));
        Assert.Equal("idle", await emulator.StateAsync(id));

        var unknown = await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/9/cancel", expectedStatus: 400);
        Assert.Equal("DLI.0002", unknown.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task A_statement_on_a_starting_session_waits_for_it()
    {
        // The session is idle at 1000 ms; the statement (100 ms, 20 of them waiting) gets the slot only then.
        await using var emulator = await StartAsync("--idle-delay-ms", "1000", "--statement-ms", "100");
        var id = await emulator.CreateSessionAsync();
        var created = await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"1"}""");
        Assert.Equal("waiting", created.GetProperty("state").GetString());
        At(999);
        Assert.Equal("starting", await emulator.StateAsync(id));
        Assert.Equal("waiting", await StatementStateAsync(emulator, id, 0));
        await AssertStatementTimelineAsync(emulator, id, 0, (1019, "waiting"), (1020, "running"), (1099, "running"), (1100, "available"));
    }

    [Theory]
    [InlineData("dead")]
    [InlineData("error")]
    [InlineData("killed")]
    [InlineData("success")]
    [InlineData("shutting_down")]
    public async Task A_statement_on_an_inactive_session_gets_Livys_400(string state)
    {
        await using var emulator = await StartAsync("--idle-delay-ms", "0");
        var id = await emulator.CreateSessionAsync();
        using (var forced = await emulator.Client.PostAsync($"/_emulator/sessions/{id}/state", new StringContent($$"""{"state":"{{state}}"}""")))
            Assert.True(forced.IsSuccessStatusCode);
        Assert.Equal(state, await emulator.StateAsync(id));
        var (status, text) = await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"1"}""");
        Assert.Equal(400, status);
        Assert.Equal("""{"msg":"requirement failed: Session isn't active."}""", text);
    }

    [Fact]
    public async Task A_heartbeat_timeout_deletes_a_session_that_only_the_list_looked_at()
    {
        await using var emulator = await StartAsync("--idle-delay-ms", "0");
        var body = """{"kind":"spark","queue":"q","heartbeatTimeoutInSecond":1}""";
        var kept = await emulator.CreateSessionAsync(body);
        var listedOnly = await emulator.CreateSessionAsync(body);

        // Exactly the timeout without a request on its URL is still alive (Livy expires only past it): both are listed.
        At(1000);
        var listed = (await emulator.JsonAsync(HttpMethod.Get, Sessions)).GetProperty("sessions").EnumerateArray()
            .Select(s => s.GetProperty("id").GetString()!).ToArray();
        Assert.Equal([kept, listedOnly], listed);
        Assert.Equal("idle", await emulator.StateAsync(kept));

        // One millisecond past it, the session only the list looked at is gone; the list was no heartbeat.
        At(1001);
        var gone = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{listedOnly}/state", expectedStatus: 400);
        Assert.Equal("DLI.0002", gone.GetProperty("error_code").GetString());

        // Requests on its URL exactly one timeout apart keep the other one alive, however long.
        for (var at = 2000; at <= 5000; at += 1000)
        {
            At(at);
            Assert.Equal("idle", await emulator.StateAsync(kept));
        }
        At(6001);
        Assert.Equal(400, (await emulator.CallAsync(HttpMethod.Get, $"{Sessions}/{kept}/state")).Status);
    }

    [Fact]
    public async Task The_watchdog_removes_expired_sessions_nobody_asks_about()
    {
        await using var emulator = await StartAsync();
        await emulator.CreateSessionAsync("""{"kind":"spark","queue":"q","heartbeatTimeoutInSecond":1}""");
        var store = emulator.Service<SessionStore>();

        // The sweep runs once a second of the emulator's clock; at 1 s the session is not yet past its timeout.
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, store.Count);
        // At 2 s it is, and the sweep deletes it although no request came. The sweep runs on the watchdog's own
        // task, so its result is awaited; nothing here waits for the wall clock to pass a delay.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await TestEmulator.WaitUntilAsync(() => Task.FromResult(store.Count == 0), "the sweep");
    }
}
