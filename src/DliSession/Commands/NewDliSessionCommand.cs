using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Creates a Spark session: <c>POST /v2.0/{project_id}/sessions</c>.</summary>
[Cmdlet(VerbsCommon.New, "DliSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = QueueSet)]
[OutputType(typeof(SparkSession))]
public sealed class NewDliSessionCommand : SparkApplicationCmdlet
{
    private const string ClusterSet = "Cluster";
    private const string QueueSet = "Queue";

    /// <summary>The Discarded variant's name for the queue; -Queue, the Recommended one, is the default.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClusterSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(QueueCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    public string ClusterName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = QueueSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(QueueCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    public string Queue { get; set; } = string.Empty;

    [Parameter]
    [ValidateSet("spark")]
    public string Kind { get; set; } = "spark";

    [Parameter, Alias("Files")]
    [ValidateNotNullOrEmpty]
    public string[]? File { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? HeartbeatTimeoutInSecond { get; set; }

    /// <summary>Waits until the new session is idle (see Wait-DliSession) and writes it then.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = WaitDefaults.TimeoutSec;

    private ParallelWaits? _waits;

    protected override void BeginProcessing()
    {
        if (ScType is not null && SizingGiven() is { Length: > 0 } sizing)
            WriteWarning($"-ScType {ScType} is a preset of driver and executor sizes, and {string.Join(", ", sizing)} " +
                "override it: DLI sizes the session from what you gave, fills the rest from its defaults, and reports the " +
                "session's type as CUSTOMIZED.");
    }

    protected override void ProcessDliRecord()
    {
        var request = BuildRequest();
        var target = ParameterSetName == QueueSet ? $"queue {Queue}" : $"cluster {ClusterName}";
        var what = Name is null ? "a Spark session" : $"Spark session '{Name}'";
        if (!ShouldChange(target, $"Create {what} ({Sizing(request)})")) return;
        TryRun(Name ?? target, () =>
        {
            var session = Await(BlockingClient().CreateSessionAsync(request, CancelToken));
            if (!Wait) { WriteObject(session); return; }
            _waits ??= new ParallelWaits(this, Pump, WaitKind.Session, [SessionStates.Idle], TimeSpan.FromSeconds(TimeoutSec),
                TimeSpan.FromSeconds(WaitDefaults.PollIntervalSec));
            _waits.Add(Client(), session.Id, CancelToken, session.Name);
        });
    }

    /// <summary>
    /// Ctrl+C ends the wait, not the sessions: each one created and not yet idle goes on starting (and costing), so
    /// the warning says which, with the command that removes it.
    /// </summary>
    protected override void EndDliProcessing()
    {
        try
        {
            _waits?.WaitAll();
        }
        // Stopped while waiting, or while writing progress (PowerShell refuses writes once stopping).
        catch (Exception ex) when (ex is OperationCanceledException or PipelineStoppedException && CancelToken.IsCancellationRequested)
        {
            // The warning stream is closed once the pipeline stops, so the host shows the warning to whoever pressed Ctrl+C.
            foreach (var session in _waits!.Unfinished)
                Host.UI.WriteWarningLine($"The wait was stopped, but {ResourceLabel.Of("session", session.Id, session.Name)} was created and goes on " +
                    $"starting. Remove it with: Remove-DliSession -Id {session.Id}");
            throw;
        }
    }

    /// <summary>The sizing parameters given, by name, for the -ScType warning.</summary>
    private string[] SizingGiven() =>
        new (string Name, object? Value)[]
        {
            ("-DriverMemory", DriverMemory), ("-DriverCores", DriverCores), ("-ExecutorMemory", ExecutorMemory),
            ("-ExecutorCores", ExecutorCores), ("-NumExecutors", NumExecutors),
        }.Where(p => p.Value is not null).Select(p => p.Name).ToArray();

    /// <summary>The sizing as it will be sent (memory in Spark's form, so -WhatIf shows what 1.5GB becomes).</summary>
    private static string Sizing(CreateSessionRequest request)
    {
        var parts = new List<string>();
        if (request.ScType is { } type) parts.Add($"type {type}");
        if (request.DriverMemory is not null || request.DriverCores is not null)
            parts.Add("driver " + Resources(request.DriverMemory, request.DriverCores));
        if (request.NumExecutors is not null || request.ExecutorMemory is not null || request.ExecutorCores is not null)
            parts.Add($"{request.NumExecutors?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default number of"} executors " +
                Resources(request.ExecutorMemory, request.ExecutorCores));
        return parts.Count == 0 ? "DLI's default sizing" : string.Join("; ", parts);
    }

    private static string Resources(string? memory, int? cores) => string.Join(", ", new[]
    {
        memory is null ? null : $"memory {memory}",
        cores is null ? null : $"{cores} core{(cores == 1 ? "" : "s")}",
    }.Where(p => p is not null).DefaultIfEmpty("default size"));

    private CreateSessionRequest BuildRequest() => WithSharedFields(new CreateSessionRequest
    {
        Kind = Kind,
        ClusterName = ParameterSetName == ClusterSet ? ClusterName : null,
        Queue = ParameterSetName == QueueSet ? Queue : null,
        Files = File,
        HeartbeatTimeoutInSecond = HeartbeatTimeoutInSecond,
    });
}
