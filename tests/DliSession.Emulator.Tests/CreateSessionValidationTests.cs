using System.Text.Json;

namespace DliSession.Emulator.Tests;

public sealed class CreateSessionValidationTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();
    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("""{"queue":"q"}""", "kind is required")]
    [InlineData("""{"kind":"pyspark","queue":"q"}""", "kind must be 'spark'")]
    [InlineData("""{"kind":"spark"}""", "cluster_name or queue")]
    [InlineData("""{"kind":"spark","cluster_name":"  "}""", "cluster_name or queue")]
    [InlineData("""{"kind":"spark","queue":"q","sc_type":"D"}""", "sc_type")]
    [InlineData("""{"kind":"spark","queue":"q","driverMemory":"2048"}""", "driverMemory")]
    [InlineData("""{"kind":"spark","queue":"q","executorMemory":"2x"}""", "executorMemory")]
    [InlineData("""{"kind":"spark","queue":"q","driverCores":0}""", "driverCores")]
    [InlineData("""{"kind":"spark","queue":"q","executorCores":-1}""", "executorCores")]
    [InlineData("""{"kind":"spark","queue":"q","numExecutors":1.5}""", "numExecutors")]
    [InlineData("""{"kind":"spark","queue":"q","heartbeatTimeoutInSecond":0}""", "heartbeatTimeoutInSecond")]
    [InlineData("""{"kind":"spark","queue":"q","jars":"a.jar"}""", "jars")]
    [InlineData("""{"kind":"spark","queue":"q","pyFiles":[1]}""", "pyFiles[0]")]
    [InlineData("""{"kind":"spark","queue":"q","resources":[{"name":"a.jar"}]}""", "resources[0].type")]
    [InlineData("""{"kind":"spark","queue":"q","groups":[{"name":"g","resources":[{"type":"jar"}]}]}""", "groups[0].resources[0].name")]
    [InlineData("""{"kind":"spark","queue":"q","conf":[{"a":"b"}]}""", "conf")]
    [InlineData("""{"kind":"spark","queue":"q","name":7}""", "name")]
    public async Task A_broken_rule_is_DLI_0001_naming_the_field(string body, string expected)
    {
        var json = await _emulator.JsonAsync(HttpMethod.Post, TestEmulator.SessionsPath, body, expectedStatus: 400);
        Assert.Equal("DLI.0001", json.GetProperty("error_code").GetString());
        Assert.Contains(expected, json.GetProperty("error_msg").GetString());
    }

    [Fact]
    public async Task A_name_longer_than_128_characters_is_refused_and_128_is_accepted()
    {
        var tooLong = await _emulator.JsonAsync(HttpMethod.Post, TestEmulator.SessionsPath,
            $$"""{"kind":"spark","queue":"q","name":"{{new string('n', 129)}}"}""", expectedStatus: 400);
        Assert.Contains("name", tooLong.GetProperty("error_msg").GetString());
        await _emulator.JsonAsync(HttpMethod.Post, TestEmulator.SessionsPath, $$"""{"kind":"spark","queue":"q","name":"{{new string('n', 128)}}"}""");
    }

    [Theory]
    [InlineData("2g")]
    [InlineData("2048m")]
    [InlineData("2G")]
    [InlineData("2GB")]
    [InlineData("512kb")]
    public async Task Memory_with_a_unit_is_accepted_and_makes_the_type_CUSTOMIZED(string memory)
    {
        var json = await _emulator.JsonAsync(HttpMethod.Post, TestEmulator.SessionsPath,
            $$"""{"kind":"spark","queue":"q","sc_type":"B","driverMemory":"{{memory}}"}""");
        Assert.Equal("CUSTOMIZED", json.GetProperty("sc_type").GetString());
    }

    [Fact]
    public async Task Queue_wins_over_cluster_name_and_unknown_fields_are_ignored()
    {
        var json = await _emulator.JsonAsync(HttpMethod.Post, TestEmulator.SessionsPath,
            """{"kind":"spark","cluster_name":"c1","queue":"q1","surprise":{"x":1},"conf":{"spark.a":"1"}}""");
        Assert.Equal("q1", json.GetProperty("queue").GetString());
        Assert.Equal("q1", json.GetProperty("cluster_name").GetString());
        Assert.Equal("A", json.GetProperty("sc_type").GetString());
    }

    [Theory]
    [InlineData("{}", "code is required")]
    [InlineData("""{"code":""}""", "code is required")]
    [InlineData("""{"code":5}""", "code must be a string")]
    [InlineData("{", "not valid JSON")]
    public async Task A_statement_without_code_is_DLI_0001(string body, string expected)
    {
        var id = await _emulator.CreateSessionAsync();
        var json = await _emulator.JsonAsync(HttpMethod.Post, $"{TestEmulator.SessionsPath}/{id}/statements", body, expectedStatus: 400);
        Assert.Equal("DLI.0001", json.GetProperty("error_code").GetString());
        Assert.Contains(expected, json.GetProperty("error_msg").GetString());
    }

    [Fact]
    public async Task Statement_code_may_have_1024_characters_but_not_1025()
    {
        var id = await _emulator.CreateSessionAsync();
        var path = $"{TestEmulator.SessionsPath}/{id}/statements";
        await _emulator.JsonAsync(HttpMethod.Post, path, JsonSerializer.Serialize(new { code = new string('x', 1024) }));
        var json = await _emulator.JsonAsync(HttpMethod.Post, path, JsonSerializer.Serialize(new { code = new string('x', 1025) }), expectedStatus: 400);
        Assert.Contains("1024", json.GetProperty("error_msg").GetString());
    }

    [Theory]
    [InlineData("?from=-1", "from")]
    [InlineData("?size=abc", "size")]
    [InlineData("?cluster_name=a&queue=b", "not both")]
    public async Task Bad_list_parameters_are_DLI_0001(string query, string expected)
    {
        var json = await _emulator.JsonAsync(HttpMethod.Get, TestEmulator.SessionsPath + query, expectedStatus: 400);
        Assert.Equal("DLI.0001", json.GetProperty("error_code").GetString());
        Assert.Contains(expected, json.GetProperty("error_msg").GetString());
    }
}
