namespace DliSession.Emulator.Tests;

public sealed class EmulatorOptionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Defaults_match_the_documented_ones()
    {
        var options = EmulatorOptions.Parse([], NoEnvironment, out var hostArgs);
        Assert.Equal("emulator-project", options.ProjectId);
        Assert.Equal("emulator-token", options.Token);
        Assert.Equal("EMULATORAK", Assert.Single(options.AccessKeys).AccessKey);
        Assert.True(options.AuthenticationEnabled);
        Assert.Equal(1000, options.IdleDelayMs);
        Assert.Equal(500, options.StatementMs);
        Assert.Equal(0, options.PreCreatedSessions);
        Assert.Empty(hostArgs);
    }

    [Fact]
    public void Switches_win_over_the_environment_and_host_arguments_pass_through()
    {
        var environment = new Dictionary<string, string>
        {
            ["DLI_EMULATOR_PROJECT_ID"] = "from-env",
            ["DLI_EMULATOR_AKSK"] = "A1:s1, A2:s2:tok",
            ["DLI_EMULATOR_AUTH"] = "off",
            ["DLI_EMULATOR_SESSIONS"] = "7",
        };
        var options = EmulatorOptions.Parse(["--urls", "http://127.0.0.1:0", "--project-id=from-switch", "--statement-ms", "20"],
            environment.GetValueOrDefault, out var hostArgs);
        Assert.Equal("from-switch", options.ProjectId);
        Assert.Equal(["A1", "A2"], options.AccessKeys.Select(k => k.AccessKey));
        Assert.Equal("tok", options.AccessKeys[1].SecurityToken);
        Assert.False(options.AuthenticationEnabled);
        Assert.Equal(7, options.PreCreatedSessions);
        Assert.Equal(20, options.StatementMs);
        Assert.Equal(["--urls", "http://127.0.0.1:0"], hostArgs);
    }

    [Fact]
    public void Batch_job_times_and_pre_created_jobs_default_and_come_from_switches_or_the_environment()
    {
        var defaults = EmulatorOptions.Parse([], NoEnvironment, out _);
        Assert.Equal((1000, 2000, 0), (defaults.BatchStartMs, defaults.BatchRunMs, defaults.PreCreatedBatches));

        var environment = new Dictionary<string, string> { ["DLI_EMULATOR_BATCH_START_MS"] = "5", ["DLI_EMULATOR_BATCHES"] = "9" };
        var options = EmulatorOptions.Parse(["--batch-run-ms=70", "--batches", "11"], environment.GetValueOrDefault, out _);
        Assert.Equal((5, 70, 11), (options.BatchStartMs, options.BatchRunMs, options.PreCreatedBatches));
        Assert.Contains("--batch-start-ms", EmulatorOptions.HelpText);
        Assert.Contains("batches/{id}/fail|state|log", EmulatorOptions.HelpText);
    }

    [Fact]
    public void Repeated_aksk_switches_replace_the_environment_pairs()
    {
        var options = EmulatorOptions.Parse(["--aksk", "X:1", "--aksk", "Y:2:t"], v => v == "DLI_EMULATOR_AKSK" ? "Z:3" : null, out _);
        Assert.Equal(["X", "Y"], options.AccessKeys.Select(k => k.AccessKey));
    }

    [Theory]
    [InlineData("--auth", "maybe")]
    [InlineData("--sessions", "-1")]
    [InlineData("--aksk", "only-one-part")]
    [InlineData("--idle-delay-ms", "soon")]
    [InlineData("--batch-start-ms", "-1")]
    [InlineData("--batch-run-ms", "1.5")]
    [InlineData("--batches", "many")]
    public void Bad_values_are_refused_with_the_switch_named(string option, string value)
    {
        var error = Assert.Throws<EmulatorOptionException>(() => EmulatorOptions.Parse([option, value], NoEnvironment, out _));
        Assert.Contains(option, error.Message);
    }

    [Fact]
    public void A_switch_without_its_value_is_refused() =>
        Assert.Throws<EmulatorOptionException>(() => EmulatorOptions.Parse(["--token"], NoEnvironment, out _));
}
