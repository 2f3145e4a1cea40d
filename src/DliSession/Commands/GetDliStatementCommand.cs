using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Gets a session's statements, all of them or those with the given ids.</summary>
[Cmdlet(VerbsCommon.Get, "DliStatement")]
[OutputType(typeof(SparkStatement))]
public sealed class GetDliStatementCommand : DliCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string SessionId { get; set; } = string.Empty;

    [Parameter(Position = 1)]
    [ValidateRange(0, int.MaxValue)]
    public int[]? Id { get; set; }

    protected override void ProcessDliRecord()
    {
        var client = BlockingClient();
        if (Id is null)
        {
            TryRun(SessionId, () => WriteObject(Await(client.ListStatementsAsync(SessionId, CancelToken)), enumerateCollection: true));
            return;
        }
        foreach (var id in Id)
            TryRun($"{SessionId}/{id}", () => WriteObject(Await(client.GetStatementAsync(SessionId, id, CancelToken))));
    }
}
