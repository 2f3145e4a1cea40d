using System.Globalization;
using System.Text;

namespace DliSession.Emulator;

/// <summary>An accepted AK/SK pair; a pair with a security token is temporary and needs a signed X-Security-Token.</summary>
internal sealed record AccessKeyPair(string AccessKey, byte[] SecretKeyUtf8, string? SecurityToken)
{
    public static AccessKeyPair Parse(string value)
    {
        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
            throw new EmulatorOptionException("--aksk expects AK:SK or AK:SK:SECURITYTOKEN");
        return new AccessKeyPair(parts[0], Encoding.UTF8.GetBytes(parts[1]), parts.Length == 3 ? parts[2] : null);
    }
}

internal sealed class EmulatorOptionException(string message) : Exception(message);

/// <summary>
/// The emulator's settings. A small parser rather than configuration binding, because <c>--aksk</c> repeats and
/// every switch also has an environment variable; switches the emulator does not know (such as <c>--urls</c>) are
/// handed on to the ASP.NET Core host.
/// </summary>
internal sealed class EmulatorOptions
{
    public string ProjectId { get; private set; } = "emulator-project";
    public string Token { get; private set; } = "emulator-token";
    public IReadOnlyList<AccessKeyPair> AccessKeys { get; private set; } = [AccessKeyPair.Parse("EMULATORAK:emulator-secret-key")];
    public bool AuthenticationEnabled { get; private set; } = true;
    public int IdleDelayMs { get; private set; } = 1000;
    public int StatementMs { get; private set; } = 500;
    public int PreCreatedSessions { get; private set; }
    public int BatchStartMs { get; private set; } = 1000;
    public int BatchRunMs { get; private set; } = 2000;
    public int PreCreatedBatches { get; private set; }

    /// <summary>The brief <c>waiting</c> part of a statement's run time, before it turns <c>running</c>.</summary>
    public int StatementWaitMs => StatementMs / 5;

    public const string HelpText = """
        DLI emulator: a local stand-in for the Huawei Cloud DLI session and Spark batch-job APIs (not a Spark runtime).

        Usage: dotnet DliSession.Emulator.dll --urls http://127.0.0.1:0 [options]

        Options (each also read from the environment variable shown; a switch wins over the variable):
          --project-id ID        DLI_EMULATOR_PROJECT_ID     project id accepted in paths (default emulator-project)
          --token TOKEN          DLI_EMULATOR_TOKEN          accepted X-Auth-Token (default emulator-token)
          --aksk AK:SK[:TOKEN]   DLI_EMULATOR_AKSK           accepted key pair; repeatable (variable: comma-separated);
                                                             a third part makes the pair temporary, needing a signed
                                                             X-Security-Token (default EMULATORAK:emulator-secret-key)
          --auth on|off          DLI_EMULATOR_AUTH           check credentials (default on)
          --idle-delay-ms MS     DLI_EMULATOR_IDLE_DELAY_MS  time from starting to idle (default 1000)
          --statement-ms MS      DLI_EMULATOR_STATEMENT_MS   statement run time, waiting then running (default 500)
          --sessions N           DLI_EMULATOR_SESSIONS       pre-create N idle sessions (default 0)
          --batch-start-ms MS    DLI_EMULATOR_BATCH_START_MS Spark job time starting or recovering (default 1000)
          --batch-run-ms MS      DLI_EMULATOR_BATCH_RUN_MS   Spark job time running before success (default 2000)
          --batches N            DLI_EMULATOR_BATCHES        pre-create N ended Spark jobs, every tenth dead (default 0)
          --help                                             show this text

        The first stdout line is: DLI emulator listening on <url> project <project id>
        Control API (loopback only): /_emulator/journal, faults, stats, reset, shutdown, sessions/{id}/state|log,
        batches/{id}/fail|state|log.
        """;

    private static readonly Dictionary<string, string> EnvironmentNames = new(StringComparer.Ordinal)
    {
        ["--project-id"] = "DLI_EMULATOR_PROJECT_ID",
        ["--token"] = "DLI_EMULATOR_TOKEN",
        ["--aksk"] = "DLI_EMULATOR_AKSK",
        ["--auth"] = "DLI_EMULATOR_AUTH",
        ["--idle-delay-ms"] = "DLI_EMULATOR_IDLE_DELAY_MS",
        ["--statement-ms"] = "DLI_EMULATOR_STATEMENT_MS",
        ["--sessions"] = "DLI_EMULATOR_SESSIONS",
        ["--batch-start-ms"] = "DLI_EMULATOR_BATCH_START_MS",
        ["--batch-run-ms"] = "DLI_EMULATOR_BATCH_RUN_MS",
        ["--batches"] = "DLI_EMULATOR_BATCHES",
    };

    public static bool IsHelpRequested(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?");

    /// <summary>Reads the environment, then the switches; returns the arguments that belong to the host.</summary>
    public static EmulatorOptions Parse(string[] args, Func<string, string?> environment, out string[] hostArgs)
    {
        var options = new EmulatorOptions();
        foreach (var (option, variable) in EnvironmentNames)
        {
            var value = environment(variable);
            if (string.IsNullOrEmpty(value)) continue;
            if (option == "--aksk") options.AccessKeys = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(AccessKeyPair.Parse).ToList();
            else options.Apply(option, value);
        }

        var rest = new List<string>();
        List<AccessKeyPair>? switchedKeys = null;
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = SplitSwitch(args[i]);
            if (!EnvironmentNames.ContainsKey(name))
            {
                rest.Add(args[i]);
                continue;
            }
            var value = inlineValue ?? (i + 1 < args.Length ? args[++i] : throw new EmulatorOptionException($"{name} needs a value"));
            if (name == "--aksk") (switchedKeys ??= []).Add(AccessKeyPair.Parse(value));
            else options.Apply(name, value);
        }
        if (switchedKeys is not null) options.AccessKeys = switchedKeys;
        hostArgs = [.. rest];
        return options;
    }

    private static (string Name, string? Value) SplitSwitch(string arg)
    {
        var eq = arg.IndexOf('=');
        return arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }

    private void Apply(string option, string value)
    {
        switch (option)
        {
            case "--project-id": ProjectId = NonEmpty(option, value); break;
            case "--token": Token = NonEmpty(option, value); break;
            case "--auth":
                AuthenticationEnabled = value.ToLowerInvariant() switch
                {
                    "on" => true,
                    "off" => false,
                    _ => throw new EmulatorOptionException("--auth expects on or off"),
                };
                break;
            case "--idle-delay-ms": IdleDelayMs = NonNegative(option, value); break;
            case "--statement-ms": StatementMs = NonNegative(option, value); break;
            case "--sessions": PreCreatedSessions = NonNegative(option, value); break;
            case "--batch-start-ms": BatchStartMs = NonNegative(option, value); break;
            case "--batch-run-ms": BatchRunMs = NonNegative(option, value); break;
            case "--batches": PreCreatedBatches = NonNegative(option, value); break;
        }
    }

    private static string NonEmpty(string option, string value) =>
        value.Length > 0 ? value : throw new EmulatorOptionException($"{option} must not be empty");

    private static int NonNegative(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new EmulatorOptionException($"{option} expects a non-negative integer, not '{value}'");
}
