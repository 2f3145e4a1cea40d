using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Creates a Spark session: <c>POST /v2.0/{project_id}/sessions</c>.</summary>
[Cmdlet(VerbsCommon.New, "DliSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = ClusterSet)]
[OutputType(typeof(SparkSession))]
public sealed class NewDliSessionCommand : DliCmdlet
{
    private const string ClusterSet = "Cluster";
    private const string QueueSet = "Queue";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClusterSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClusterName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = QueueSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Queue { get; set; } = string.Empty;

    [Parameter]
    [ValidateSet("spark")]
    public string Kind { get; set; } = "spark";

    [Parameter]
    [ValidateSet("A", "B", "C")]
    public string? ScType { get; set; }

    [Parameter, Alias("Jars")]
    [ValidateNotNullOrEmpty]
    public string[]? Jar { get; set; }

    [Parameter, Alias("PyFiles")]
    [ValidateNotNullOrEmpty]
    public string[]? PyFile { get; set; }

    [Parameter, Alias("Files")]
    [ValidateNotNullOrEmpty]
    public string[]? File { get; set; }

    [Parameter, Alias("Modules")]
    [ValidateNotNullOrEmpty]
    public string[]? Module { get; set; }

    [Parameter, Alias("Resources")]
    [SessionResource]
    [ValidateNotNullOrEmpty]
    public SessionResource[]? Resource { get; set; }

    [Parameter, Alias("Groups")]
    [SessionResourceGroup]
    [ValidateNotNullOrEmpty]
    public SessionResourceGroup[]? Group { get; set; }

    [Parameter]
    [SparkConf]
    [ValidateNotNull]
    public Dictionary<string, string>? Conf { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, CreateSessionRequest.MaxNameLength)]
    public string? Name { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? HeartbeatTimeoutInSecond { get; set; }

    [Parameter]
    [SparkMemory]
    [ValidateNotNullOrEmpty]
    public string? DriverMemory { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? DriverCores { get; set; }

    [Parameter]
    [SparkMemory]
    [ValidateNotNullOrEmpty]
    public string? ExecutorMemory { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? ExecutorCores { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? NumExecutors { get; set; }

    /// <summary>Waits until the new session is idle (see Wait-DliSession) and writes it then.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = WaitDefaults.TimeoutSec;

    private ParallelWaits? _waits;

    protected override void ProcessDliRecord()
    {
        var request = BuildRequest();
        var target = ParameterSetName == QueueSet ? $"queue {Queue}" : $"cluster {ClusterName}";
        var what = Name is null ? "a Spark session" : $"Spark session '{Name}'";
        if (!ShouldProcess(target, $"Create {what}")) return;
        var client = Client();
        TryRun(Name ?? target, () =>
        {
            var session = Await(client.CreateSessionAsync(request, CancelToken));
            if (!Wait) { WriteObject(session); return; }
            _waits ??= new ParallelWaits(this, Pump, WaitKind.Session, [SessionStates.Idle], TimeSpan.FromSeconds(TimeoutSec),
                TimeSpan.FromSeconds(WaitDefaults.PollIntervalSec));
            _waits.Add(client, session.Id, CancelToken);
        });
    }

    protected override void EndDliProcessing() => _waits?.WaitAll();

    private CreateSessionRequest BuildRequest() => new()
    {
        Kind = Kind,
        ClusterName = ParameterSetName == ClusterSet ? ClusterName : null,
        Queue = ParameterSetName == QueueSet ? Queue : null,
        ScType = ScType,
        Jars = Jar,
        PyFiles = PyFile,
        Files = File,
        Modules = Module,
        Resources = Resource,
        Groups = Group,
        Conf = Conf,
        Name = Name,
        HeartbeatTimeoutInSecond = HeartbeatTimeoutInSecond,
        DriverMemory = DriverMemory,
        DriverCores = DriverCores,
        ExecutorMemory = ExecutorMemory,
        ExecutorCores = ExecutorCores,
        NumExecutors = NumExecutors,
    };
}
