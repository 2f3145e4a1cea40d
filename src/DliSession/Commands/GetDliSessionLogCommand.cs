using System.Management.Automation;
using DliSession.Client;
using DliSession.Client.Logs;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Writes a session's log lines in order, page by page, so long logs stream instead of arriving at once; with -Wait,
/// goes on writing new lines until the session ends.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DliSessionLog", DefaultParameterSetName = RangeSet)]
[OutputType(typeof(string))]
public sealed class GetDliSessionLogCommand : LogReadingCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SessionId")]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string[] Id { get; set; } = [];

    private protected override string[] Ids => Id;
    private protected override string SourceProperty => "SessionId";
    private protected override LogSource Log(DliClient client, string id) => client.SessionLog(id);
}
