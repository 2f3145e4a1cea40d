using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Gets a session's statements, all of them or those with the given ids. A statement piped in is read again, as a
/// piped session is by Get-DliSession, so <c>$statement | Get-DliStatement</c> shows how it is doing now.
/// </summary>
// The Statement set is the default so that a piped statement binds whole (InputObject) before its SessionId property
// could bind by name in the Session set; a piped session still binds by SessionId, and -SessionId picks that set.
[Cmdlet(VerbsCommon.Get, "DliStatement", DefaultParameterSetName = StatementSet)]
[OutputType(typeof(SparkStatement))]
public sealed class GetDliStatementCommand : DliCmdlet
{
    private const string SessionSet = "Session";
    private const string StatementSet = "Statement";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SessionSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdCompleter<SessionListing>))]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string SessionId { get; set; } = string.Empty;

    [Parameter(Position = 1, ParameterSetName = SessionSet)]
    [ValidateRange(0, int.MaxValue)]
    public int[]? Id { get; set; }

    /// <summary>Statements to read again (from Invoke-DliStatement -NoWait or an earlier Get-DliStatement).</summary>
    [Parameter(ParameterSetName = StatementSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SparkStatement? InputObject { get; set; }

    protected override void ProcessDliRecord()
    {
        if (ParameterSetName == StatementSet && InputObject is null)
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliStatementSessionMissing",
                "Give -SessionId, or pipe in sessions or statements.", null));
        var client = BlockingClient();
        if (InputObject is { } statement)
        {
            TryRun(statement, () => WriteObject(Await(client.GetStatementAsync(statement.SessionId, statement.Id, CancelToken))));
            return;
        }
        if (Id is null)
        {
            TryRun(SessionId, () => WriteObject(Await(client.ListStatementsAsync(SessionId, CancelToken)), enumerateCollection: true));
            return;
        }
        foreach (var id in Id)
            TryRun($"{SessionId}/{id}", () => WriteObject(Await(client.GetStatementAsync(SessionId, id, CancelToken))));
    }
}
