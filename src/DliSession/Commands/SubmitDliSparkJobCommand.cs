using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Submits a Spark job: <c>POST /v2.0/{project_id}/batches</c>. Each parameter goes on the wire under the name
/// Huawei's SDKs use; parameters not given are not sent. With -Wait it writes the job once it has ended.
/// </summary>
[Cmdlet(VerbsLifecycle.Submit, "DliSparkJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = QueueSet)]
[OutputType(typeof(SparkJob))]
public sealed class SubmitDliSparkJobCommand : DliCmdlet
{
    private const string QueueSet = "Queue";
    private const string ClusterSet = "Cluster";
    private const string CustomFeature = "custom";

    [Parameter(Mandatory = true, ParameterSetName = QueueSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(QueueCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    public string Queue { get; set; } = string.Empty;

    /// <summary>The queue under its older name; DLI refuses it together with a queue.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClusterSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(QueueCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    public string ClusterName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string File { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ClassName { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true), Alias("Arguments")]
    [ValidateNotNull]
    public string[]? Argument { get; set; }

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
    public string[]? AdditionalFile { get; set; }

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
    [ValidateLength(1, SubmitSparkJobRequest.MaxNameLength)]
    public string? Name { get; set; }

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

    /// <summary>The image type: basic, ai, or custom with -Image.</summary>
    [Parameter]
    [ValidateSet("basic", "ai", CustomFeature)]
    public string? Feature { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SparkVersion { get; set; }

    [Parameter]
    public SwitchParameter AutoRecovery { get; set; }

    [Parameter]
    [ValidateRange(0, SubmitSparkJobRequest.MaxRetryLimit)]
    public int? MaxRetryTimes { get; set; }

    /// <summary>A custom image, organisation/image:version; DLI uses it only with -Feature custom.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Image { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ExecutionAgencyUrn { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ObsBucket { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CatalogName { get; set; }

    /// <summary>Waits until the job has ended (see Wait-DliSparkJob) and writes it then; a job that dies is an error.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    [Parameter]
    [Alias("Timeout")]
    [ValidateRange(1, int.MaxValue)]
    public int TimeoutSec { get; set; } = WaitDefaults.SparkJobTimeoutSec;

    private ParallelWaits? _waits;

    protected override void ProcessDliRecord()
    {
        if (string.Equals(Feature, CustomFeature, StringComparison.OrdinalIgnoreCase) && Image is null)
        {
            WriteError(ErrorRecords.InvalidArgument("DliCustomFeatureNeedsImage",
                "-Feature custom needs -Image (organisation/image:version): DLI runs a custom job only in its own image.", Feature));
            return;
        }
        var request = BuildRequest();
        var target = ParameterSetName == QueueSet ? $"queue {Queue}" : $"cluster {ClusterName}";
        var what = Name is null ? $"Spark job {ClassName} from {File}" : $"Spark job '{Name}' ({ClassName} from {File})";
        if (!ShouldProcess(target, $"Submit {what}")) return;
        TryRun(Name ?? File, () =>
        {
            var job = Await(BlockingClient().SubmitSparkJobAsync(request, CancelToken));
            if (!Wait) { WriteObject(job); return; }
            _waits ??= new ParallelWaits(this, Pump, WaitKind.SparkJob, [SparkJobStates.Success], TimeSpan.FromSeconds(TimeoutSec),
                TimeSpan.FromSeconds(WaitDefaults.PollIntervalSec));
            _waits.Add(Client(), job.Id, CancelToken);
        });
    }

    protected override void EndDliProcessing() => _waits?.WaitAll();

    private SubmitSparkJobRequest BuildRequest() => new()
    {
        File = File,
        ClassName = ClassName,
        ClusterName = ParameterSetName == ClusterSet ? ClusterName : null,
        Queue = ParameterSetName == QueueSet ? Queue : null,
        Args = Argument,
        ScType = ScType?.ToUpperInvariant(),
        Jars = Jar,
        PyFiles = PyFile,
        Files = AdditionalFile,
        Modules = Module,
        Resources = Resource,
        Groups = Group,
        Conf = Conf,
        Name = Name,
        DriverMemory = DriverMemory,
        DriverCores = DriverCores,
        ExecutorMemory = ExecutorMemory,
        ExecutorCores = ExecutorCores,
        NumExecutors = NumExecutors,
        Feature = Feature?.ToLowerInvariant(),
        SparkVersion = SparkVersion,
        // A switch not given is not sent; -AutoRecovery:$false is sent as false.
        AutoRecovery = MyInvocation.BoundParameters.ContainsKey(nameof(AutoRecovery)) ? AutoRecovery.IsPresent : null,
        MaxRetryTimes = MaxRetryTimes,
        Image = Image,
        ExecutionAgencyUrn = ExecutionAgencyUrn,
        ObsBucket = ObsBucket,
        CatalogName = CatalogName,
    };
}
