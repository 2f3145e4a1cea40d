using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Logs;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Writes a Spark job's log lines in order, page by page, so long logs stream instead of arriving at once; with
/// -Wait, goes on writing new lines until the job ends. DLI marks this endpoint deprecated, though it still documents
/// and serves it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DliSparkJobLog", DefaultParameterSetName = RangeSet)]
[OutputType(typeof(string))]
public sealed class GetDliSparkJobLogCommand : LogReadingCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("JobId")]
    [ArgumentCompleter(typeof(IdCompleter<SparkJobListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    /// <summary>Driver: the Spark driver's log.</summary>
    [Parameter]
    [ValidateSet("Driver")]
    public string? Type { get; set; }

    /// <summary>Which driver log of a job that was retried (0 is the first run); implies -Type Driver.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Index { get; set; }

    private protected override string[] Ids => Id;
    private protected override string SourceProperty => "JobId";

    private protected override LogSource Log(DliClient client, string id) =>
        client.SparkJobLog(id, new SparkJobLogQuery { Type = Type?.ToLowerInvariant(), Index = Index });
}
