using System.Management.Automation;
using System.Security;
using DliSession.Client;
using DliSession.Client.Auth;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>Sets the process-wide context every DLI cmdlet uses unless given -Context.</summary>
[Cmdlet(VerbsCommunications.Connect, "Dli", DefaultParameterSetName = RegionSet)]
[OutputType(typeof(DliContext))]
public sealed class ConnectDliCommand : PSCmdlet
{
    private const string RegionSet = "Region";
    private const string EndpointSet = "Endpoint";

    [Parameter(Mandatory = true, ParameterSetName = EndpointSet)]
    [ValidateNotNull]
    public Uri Endpoint { get; set; } = null!;

    [Parameter(ParameterSetName = RegionSet, Position = 0)]
    [Parameter(ParameterSetName = EndpointSet)]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string ProjectId { get; set; } = string.Empty;

    [Parameter(Mandatory = true)]
    [ValidateNotNull]
    public SecureString Token { get; set; } = null!;

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = (int)DliHttpSettings.Default.Timeout.TotalSeconds;

    [Parameter]
    [ValidateRange(1, 10)]
    public int MaxAttempts { get; set; } = DliHttpSettings.Default.MaxAttempts;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var endpoint = ParameterSetName == EndpointSet ? Endpoint
            : Region is not null ? DliContext.EndpointForRegion(Region)
            : null;
        if (endpoint is null)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliNoEndpoint", "Give -Region or -Endpoint.", null));
            return;
        }
        var http = DliHttpSettings.Default with { Timeout = TimeSpan.FromSeconds(TimeoutSec), MaxAttempts = MaxAttempts };
        DliContext context;
        try
        {
            context = new DliContext(endpoint, ProjectId, new TokenCredential(Token), Region, "Connect-Dli", http);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(ErrorRecords.InvalidArgument("DliInvalidConnection", ex.Message, endpoint));
            return;
        }
        DefaultContext.Current = context;
        WriteVerbose($"Connected to {context}.");
        if (PassThru) WriteObject(context);
    }
}
