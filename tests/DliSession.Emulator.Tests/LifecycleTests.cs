using System.Text.Json;

namespace DliSession.Emulator.Tests;

public sealed class LifecycleTests
{
    private const string Sessions = TestEmulator.SessionsPath;

    [Fact]
    public async Task A_session_is_starting_until_the_idle_delay_passes_then_idle()
    {
        // A second of "starting" leaves room for a loaded machine; the change is then awaited, not slept for.
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "1000");
        var id = await emulator.CreateSessionAsync();
        Assert.Equal("starting", await emulator.StateAsync(id));
        await TestEmulator.WaitUntilAsync(async () => await emulator.StateAsync(id) == "idle", "idle");
        var session = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}");
        Assert.Contains(session.GetProperty("log").EnumerateArray(), l => l.GetString()!.Contains("session is idle"));
    }

    [Fact]
    public async Task A_statement_goes_waiting_running_available_with_output_while_the_session_is_busy()
    {
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0", "--statement-ms", "600");
        var id = await emulator.CreateSessionAsync();
        var (_, createdText) = await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"val a = 1"}""");
        Assert.Equal("""{"id":0,"code":"val a = 1","state":"waiting","output":null,"progress":0}""", createdText);

        var statementPath = $"{Sessions}/{id}/statements/0";
        await TestEmulator.WaitUntilAsync(async () =>
            (await emulator.JsonAsync(HttpMethod.Get, statementPath)).GetProperty("state").GetString() == "running", "running");
        Assert.Equal("busy", await emulator.StateAsync(id));
        Assert.Equal(0.5, (await emulator.JsonAsync(HttpMethod.Get, statementPath)).GetProperty("progress").GetDouble());

        JsonElement done = default;
        await TestEmulator.WaitUntilAsync(async () =>
            (done = await emulator.JsonAsync(HttpMethod.Get, statementPath)).GetProperty("state").GetString() == "available", "available");
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
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0", "--statement-ms", "1000");
        var id = await emulator.CreateSessionAsync();
        for (var i = 0; i < 3; i++)
        {
            var created = await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", $$"""{"code":"{{i}}"}""");
            Assert.Equal(i, created.GetProperty("id").GetInt32());
        }
        // Observed as soon as the second one runs (not after a fixed sleep, which a loaded machine overshoots):
        // the first is done by then and the third still waits its turn for a whole statement's time.
        List<string?> states = [];
        await TestEmulator.WaitUntilAsync(async () =>
        {
            states = (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements"))
                .GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("state").GetString()).ToList();
            return states[1] == "running";
        }, "the second statement to run");
        Assert.Equal("available", states[0]);
        Assert.Equal("waiting", states[2]);
        Assert.Equal(1, states.Count(s => s == "running"));
    }

    [Fact]
    public async Task Code_that_throws_ends_available_with_a_Livy_error_output()
    {
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0", "--statement-ms", "0");
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
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0", "--statement-ms", "400");
        var id = await emulator.CreateSessionAsync();
        await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"1"}""");
        await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"2"}""");
        await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"3"}""");

        var (_, canceled) = await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/0/cancel");
        Assert.Equal("""{"msg":"canceled"}""", canceled);
        await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/2/cancel");
        Assert.Equal("cancelled", (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/0")).GetProperty("state").GetString());
        Assert.Equal("cancelled", (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/2")).GetProperty("state").GetString());

        // Statement 1 moved into the freed slot, so it finishes one run time after the cancel, not two.
        await TestEmulator.WaitUntilAsync(async () =>
            (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/1")).GetProperty("state").GetString() == "available",
            "statement 1 available", timeoutMs: 700);
        await emulator.CallAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/1/cancel");
        Assert.Equal("available", (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/1")).GetProperty("state").GetString());
        Assert.Equal("idle", await emulator.StateAsync(id));

        var unknown = await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements/9/cancel", expectedStatus: 400);
        Assert.Equal("DLI.0002", unknown.GetProperty("error_code").GetString());
    }

    [Fact]
    public async Task A_statement_on_a_starting_session_waits_for_it()
    {
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "1000", "--statement-ms", "100");
        var id = await emulator.CreateSessionAsync();
        var created = await emulator.JsonAsync(HttpMethod.Post, $"{Sessions}/{id}/statements", """{"code":"1"}""");
        Assert.Equal("waiting", created.GetProperty("state").GetString());
        await Task.Delay(150);
        Assert.Equal("waiting", (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/0")).GetProperty("state").GetString());
        await TestEmulator.WaitUntilAsync(async () =>
            (await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/statements/0")).GetProperty("state").GetString() == "available", "available");
    }

    [Theory]
    [InlineData("dead")]
    [InlineData("error")]
    [InlineData("killed")]
    [InlineData("success")]
    [InlineData("shutting_down")]
    public async Task A_statement_on_an_inactive_session_gets_Livys_400(string state)
    {
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0");
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
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0");
        // 2 s against heartbeats every 300 ms: a loaded machine (test assemblies run in parallel) can stretch one
        // gap well past 300 ms, which with 1 s expired the session that was kept alive.
        var body = """{"kind":"spark","queue":"q","heartbeatTimeoutInSecond":2}""";
        var kept = await emulator.CreateSessionAsync(body);
        var listedOnly = await emulator.CreateSessionAsync(body);

        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(300);
            Assert.Equal("idle", await emulator.StateAsync(kept));
            await emulator.JsonAsync(HttpMethod.Get, Sessions);
        }
        var gone = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{listedOnly}/state", expectedStatus: 400);
        Assert.Equal("DLI.0002", gone.GetProperty("error_code").GetString());
        Assert.Equal(1, (await emulator.JsonAsync(HttpMethod.Get, Sessions)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_watchdog_removes_expired_sessions_nobody_asks_about()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.CreateSessionAsync("""{"kind":"spark","queue":"q","heartbeatTimeoutInSecond":1}""");
        await TestEmulator.WaitUntilAsync(() => Task.FromResult(emulator.Service<SessionStore>().Count == 0), "the sweep", timeoutMs: 3500);
    }
}
