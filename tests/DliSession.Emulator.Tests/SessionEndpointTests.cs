namespace DliSession.Emulator.Tests;

public sealed class SessionEndpointTests
{
    private const string Sessions = TestEmulator.SessionsPath;

    /// <summary>The create request example of dli-session-api §2.1, byte for byte.</summary>
    private const string DocumentedCreateExample = """
        {"kind":"spark","cluster_name":"test_cluster","sc_type":"A",
         "jars":["group.tesddws/gsjdbc4.jar"],
         "resources":[{"name":"group.tesddws/gsjdbc3.jar","type":"jar"}],
         "groups":[{"name":"group.tesddws","resources":[{"name":"gsjdbc2.jar","type":"jar"}]}]}
        """;

    [Fact]
    public async Task The_documented_create_example_is_accepted_with_the_documented_fields_in_order()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var json = await emulator.JsonAsync(HttpMethod.Post, Sessions, DocumentedCreateExample);

        Assert.Equal(
            ["id", "appId", "name", "owner", "proxyUser", "kind", "log", "state", "appInfo", "sc_type", "cluster_name", "queue", "create_time", "update_time"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.True(Guid.TryParse(json.GetProperty("id").GetString(), out _));
        Assert.Equal("", json.GetProperty("appId").GetString());
        Assert.Equal("spark", json.GetProperty("kind").GetString());
        Assert.Equal("starting", json.GetProperty("state").GetString());
        Assert.Equal(["stdout: ", "\nstderr: ", "\nYARN Diagnostics: "], json.GetProperty("log").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("""{"driverLogUrl":null,"sparkUiUrl":null}""", json.GetProperty("appInfo").GetRawText());
        Assert.Equal("A", json.GetProperty("sc_type").GetString());
        Assert.Equal("test_cluster", json.GetProperty("cluster_name").GetString());
        Assert.InRange(json.GetProperty("create_time").GetInt64(), before, before + 5000);
        Assert.Equal(0, json.GetProperty("update_time").GetInt64());
    }

    [Fact]
    public async Task Get_state_log_and_delete_answer_with_the_documented_shapes()
    {
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0");
        var id = await emulator.CreateSessionAsync("""{"kind":"spark","queue":"q","name":"mine"}""");

        var session = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}");
        Assert.Equal("mine", session.GetProperty("name").GetString());
        Assert.Equal("idle", session.GetProperty("state").GetString());
        Assert.StartsWith("application_", session.GetProperty("appId").GetString());
        Assert.True(session.GetProperty("update_time").GetInt64() > 0);

        var (_, stateText) = await emulator.CallAsync(HttpMethod.Get, $"{Sessions}/{id}/state");
        Assert.Equal($$"""{"id":"{{id}}","state":"idle"}""", stateText);

        var log = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/log");
        Assert.Equal(["id", "from", "total", "log"], log.EnumerateObject().Select(p => p.Name));
        Assert.Equal(log.GetProperty("total").GetInt32(), log.GetProperty("log").GetArrayLength());

        var (_, deleted) = await emulator.CallAsync(HttpMethod.Delete, $"{Sessions}/{id}");
        Assert.Equal("""{"msg":"deleted"}""", deleted);
        var gone = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}", expectedStatus: 400);
        Assert.Equal("DLI.0002", gone.GetProperty("error_code").GetString());
        Assert.Equal($"The session '{id}' does not exist.", gone.GetProperty("error_msg").GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/state")]
    [InlineData("GET", "/log")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/statements")]
    [InlineData("POST", "/statements")]
    [InlineData("GET", "/statements/0")]
    [InlineData("POST", "/statements/0/cancel")]
    public async Task An_unknown_session_is_DLI_0002_with_400(string method, string suffix)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (status, text) = await emulator.CallAsync(new HttpMethod(method), $"{Sessions}/no-such-id{suffix}", method == "POST" ? """{"code":"1"}""" : null);
        Assert.Equal(400, status);
        Assert.Equal("""{"error_code":"DLI.0002","error_msg":"The session 'no-such-id' does not exist."}""", text);
    }

    [Fact]
    public async Task Log_paging_follows_Livy_with_the_last_lines_when_from_is_unset()
    {
        await using var emulator = await TestEmulator.StartAsync("--idle-delay-ms", "0");
        var id = await emulator.CreateSessionAsync();
        using (var added = await emulator.Client.PostAsync($"/_emulator/sessions/{id}/log", new StringContent("""{"count":500}""")))
            Assert.True(added.IsSuccessStatusCode);

        var tail = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/log?size=10");
        var total = tail.GetProperty("total").GetInt32();
        Assert.True(total >= 500);
        Assert.Equal(total - 10, tail.GetProperty("from").GetInt32());
        Assert.EndsWith("emulated log line 500 of 500", tail.GetProperty("log")[9].GetString());

        var head = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/log?from=0&size=3");
        Assert.Equal(["stdout: ", "\nstderr: ", "\nYARN Diagnostics: "], head.GetProperty("log").EnumerateArray().Select(l => l.GetString()));
        var defaultSize = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}/log");
        Assert.Equal(100, defaultSize.GetProperty("log").GetArrayLength());
        var session = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}/{id}");
        Assert.Equal(10, session.GetProperty("log").GetArrayLength());
    }

    [Fact]
    public async Task List_pages_in_creation_order_and_filters_by_cluster_or_queue()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await emulator.CreateSessionAsync($$"""{"kind":"spark","queue":"{{(i % 2 == 0 ? "even" : "odd")}}"}"""));

        var page = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?from=1&size=2");
        Assert.Equal(1, page.GetProperty("from").GetInt32());
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(ids[1..3], page.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));

        var even = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?queue=even&from=1");
        Assert.Equal(3, even.GetProperty("total").GetInt32());
        Assert.Equal([ids[2], ids[4]], even.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var odd = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?cluster_name=odd");
        Assert.Equal(2, odd.GetProperty("total").GetInt32());

        var beyond = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?from=50");
        Assert.Equal(0, beyond.GetProperty("sessions").GetArrayLength());
    }

    [Fact]
    public async Task Two_hundred_parallel_creates_give_two_hundred_distinct_sessions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => emulator.CreateSessionAsync()));
        Assert.Equal(200, ids.Distinct().Count());
        var list = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?size=1000");
        Assert.Equal(200, list.GetProperty("total").GetInt32());
        Assert.Equal(ids.Order(), list.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task One_hundred_thousand_pre_created_sessions_page_from_first_to_last()
    {
        await using var emulator = await TestEmulator.StartAsync("--sessions", "100000");
        var first = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?from=0&size=3");
        Assert.Equal(100000, first.GetProperty("total").GetInt32());
        Assert.Equal(["session-000001", "session-000002", "session-000003"],
            first.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var firstSession = first.GetProperty("sessions")[0];
        Assert.Equal("idle", firstSession.GetProperty("state").GetString());
        Assert.Equal("emulator_cluster", firstSession.GetProperty("cluster_name").GetString());

        var last = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?from=99998&size=100");
        Assert.Equal(["session-099999", "session-100000"], last.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        var filtered = await emulator.JsonAsync(HttpMethod.Get, $"{Sessions}?cluster_name=emulator_cluster&from=99999");
        Assert.Equal(100000, filtered.GetProperty("total").GetInt32());
        Assert.Single(filtered.GetProperty("sessions").EnumerateArray());
    }

    [Fact]
    public async Task The_session_list_envelope_has_exactly_from_total_sessions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var (_, text) = await emulator.CallAsync(HttpMethod.Get, Sessions);
        Assert.Equal("""{"from":0,"total":0,"sessions":[]}""", text);
    }
}
