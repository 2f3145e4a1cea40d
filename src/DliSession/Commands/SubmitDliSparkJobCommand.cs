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
public sealed class SubmitDliSparkJobCommand : SparkApplicationCmdlet
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

    [Parameter, Alias("Files")]
    [ValidateNotNullOrEmpty]
    public string[]? AdditionalFile { get; set; }

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
            _waits.Add(Client(), job.Id, CancelToken, job.Name);
        });
    }

    protected override void EndDliProcessing() => _waits?.WaitAll();

    private SubmitSparkJobRequest BuildRequest() => WithSharedFields(new SubmitSparkJobRequest
    {
        File = File,
        ClassName = ClassName,
        ClusterName = ParameterSetName == ClusterSet ? ClusterName : null,
        Queue = ParameterSetName == QueueSet ? Queue : null,
        Args = Argument,
        Files = AdditionalFile,
        Feature = Feature?.ToLowerInvariant(),
        SparkVersion = SparkVersion,
        // A switch not given is not sent; -AutoRecovery:$false is sent as false.
        AutoRecovery = MyInvocation.BoundParameters.ContainsKey(nameof(AutoRecovery)) ? AutoRecovery.IsPresent : null,
        MaxRetryTimes = MaxRetryTimes,
        Image = Image,
        ExecutionAgencyUrn = ExecutionAgencyUrn,
        ObsBucket = ObsBucket,
        CatalogName = CatalogName,
    });
}
