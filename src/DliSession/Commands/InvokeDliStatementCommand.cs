using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Client.Safety;
using DliSession.Client.Waiting;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Runs Scala code in a session and, unless -NoWait, waits for its result with a progress bar. A statement whose
/// output is an error becomes a non-terminating error carrying the exception's name, value and traceback.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "DliStatement", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = CodeSet)]
[OutputType(typeof(SparkStatement))]
public sealed class InvokeDliStatementCommand : PipedResourceCmdlet
{
    private const string CodeSet = "Code";
    private const string PathSet = "Path";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string SessionId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CodeSet)]
    [ValidateLength(1, DliClient.MaxCodeLength)]
    public string Code { get; set; } = string.Empty;

    /// <summary>A file whose text is the code.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Returns the statement as submitted, without waiting for its result.</summary>
    [Parameter]
    public SwitchParameter NoWait { get; set; }

    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = WaitDefaults.TimeoutSec;

    [Parameter]
    [Alias("PollInterval")]
    [ValidateRange(0.1, 300)]
    public double PollIntervalSec { get; set; } = 0.5;

    protected override void ProcessDliRecord()
    {
        var code = ParameterSetName == PathSet ? ReadCode() : Code;
        var session = ResourceLabel.Of("session", SessionId, Name);
        if (!ShouldChange(session, $"Run {code.Length} characters of code")) return;
        var client = Client();
        TryRun(SessionId, () =>
        {
            var statement = Await(BlockingClient().CreateStatementAsync(SessionId, code, CancelToken));
            if (NoWait)
            {
                WriteObject(statement);
                return;
            }
            var timeout = TimeSpan.FromSeconds(TimeoutSec);
            var result = Await(Poller.WaitAsync(cancel => client.GetStatementAsync(SessionId, statement.Id, cancel),
                s => s.IsFinished ? WaitOutcome.Reached : null, timeout, TimeSpan.FromSeconds(PollIntervalSec), TimeProvider.System,
                (s, elapsed) => Pump.Post(() => WriteProgress(Progress(s, session, elapsed))), initial: statement, CancelToken));
            var finished = result.Last!;
            WriteProgress(new ProgressRecord(1, Activity(finished, session), "done") { RecordType = ProgressRecordType.Completed });
            if (result.Outcome == WaitOutcome.TimedOut)
                WriteError(ErrorRecords.From(new DliWaitTimeoutException($"Statement {finished.Id} in session {SessionId}", finished.State,
                    timeout, "It goes on running (Stop-DliStatement cancels it)."), finished));
            else if (finished.Output is { IsError: true } output)
                WriteError(new ErrorRecord(new StatementFailedException(finished, output), StatementFailedException.Id,
                    ErrorCategory.InvalidResult, finished));
            else
                WriteObject(finished);
        });
    }

    /// <summary>1,024 characters take at most 4,096 bytes in any encoding, plus a byte order mark and a line break.</summary>
    private const long MaxCodeFileBytes = 16 * 1024;

    private string ReadCode()
    {
        var path = GetUnresolvedProviderPathFromPSPath(Path);
        string code;
        try
        {
            // Only a regular file of bounded size: a FIFO would block and /dev/zero would never end.
            code = LocalFile.ReadText(path, MaxCodeFileBytes, "The code file");
        }
        catch (DliException ex)
        {
            ThrowTerminatingError(ErrorRecords.From(ex, path));
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(ex, "DliCodeFileUnreadable", ErrorCategory.ReadError, path));
            throw;
        }
        // Editors end a file with a line break; it is not code, and must not tip exactly 1,024 characters over the limit.
        code = code.EndsWith("\r\n", StringComparison.Ordinal) ? code[..^2] : code.EndsWith('\n') ? code[..^1] : code;
        if (string.IsNullOrWhiteSpace(code))
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliCodeEmpty",
                $"-Path: '{path}' holds no code: it is {(code.Length == 0 ? "empty" : "only white space")}.", path));
        if (code.Length > DliClient.MaxCodeLength)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliCodeTooLong",
                $"-Path: the code in '{path}' has {code.Length} characters; DLI takes at most {DliClient.MaxCodeLength}.", path));
        return code;
    }

    private static string Activity(SparkStatement statement, string session) => $"Running statement {statement.Id} in DLI {session}";

    private static ProgressRecord Progress(SparkStatement statement, string session, TimeSpan elapsed) =>
        new(1, Activity(statement, session), $"{statement.State}, {elapsed.TotalSeconds:0} s")
        {
            PercentComplete = (int)Math.Clamp(statement.Progress * 100, 0, 100),
        };
}
