using System.Management.Automation;
using System.Security;
using DliSession.Client;
using DliSession.Client.Auth;
using DliSession.Client.Errors;
using DliSession.Client.Models;
using DliSession.Commands.Binding;
using DliSession.Commands.Infrastructure;

namespace DliSession.Commands;

/// <summary>
/// Sets the runspace's default context (DefaultContext) every DLI cmdlet uses unless given -Context. What is not given is taken from the
/// environment and then the credentials file, in the order about_DliSession documents.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Dli", DefaultParameterSetName = ChainSet)]
[OutputType(typeof(DliContext))]
public sealed class ConnectDliCommand : DliCmdlet
{
    private const string ChainSet = "Chain";
    private const string TokenSet = "Token";
    private const string AccessKeySet = "AccessKey";
    private const string CredentialSet = "Credential";
    private const string ProfileSet = "Profile";

    [Parameter]
    [ValidateNotNull]
    public Uri? Endpoint { get; set; }

    [Parameter(Position = 0)]
    [ArgumentCompleter(typeof(RegionCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateDliId]
    public string? ProjectId { get; set; }

    /// <summary>An IAM token, sent as X-Auth-Token.</summary>
    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [ValidateNotNull]
    public SecureString? Token { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
    [ValidateNotNull]
    public SecureString? SecretKey { get; set; }

    /// <summary>The access key as user name and the secret key as password.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The security token of a temporary access key.</summary>
    [Parameter(ParameterSetName = AccessKeySet)]
    [Parameter(ParameterSetName = CredentialSet)]
    [ValidateNotNull]
    public SecureString? SecurityToken { get; set; }

    /// <summary>A section of the credentials file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; }

    [Parameter]
    [ValidateRange(1, 10)]
    public int MaxAttempts { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>
    /// Checks the connection now with one cheap authenticated read (the first session of the list), and keeps the
    /// previous default when it fails. Off by default: it costs a round trip on every runbook start, and without it
    /// the first real call reports the same refusal.
    /// </summary>
    [Parameter]
    public SwitchParameter Verify { get; set; }

    protected override void ProcessDliRecord()
    {
        if (Context is not null)
        {
            // A context made earlier (Connect-Dli -PassThru, Get-DliContext) becomes the default as it is.
            if (Verify) Check(Context);
            DefaultContext.Set(this, Context);
            if (PassThru) WriteObject(Context);
            return;
        }
        var request = new ConnectionRequest
        {
            Endpoint = Endpoint,
            Region = Region,
            ProjectId = ProjectId,
            Token = Token,
            AccessKey = AccessKey ?? Credential?.UserName,
            SecretKey = SecretKey ?? Credential?.Password,
            SecurityToken = SecurityToken,
            ProfileName = ProfileName,
            ItemName = ContextChain.ParameterName,
        };
        var http = DliHttpSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        if (TimeoutSec > 0) http = http with { Timeout = TimeSpan.FromSeconds(TimeoutSec) };
        if (MaxAttempts > 0) http = http with { MaxAttempts = MaxAttempts };
        DliContext context;
        try
        {
            context = ContextChain.Resolve(request, Pump, http);
        }
        catch (DliCredentialException ex)
        {
            Pump.Flush();
            ThrowTerminatingError(ErrorRecords.From(ex, null));
            return;
        }
        if (Verify) Check(context);
        DefaultContext.Set(this, context);
        Pump.Verbose($"Connected to {context}.");
        if (PassThru) WriteObject(context);
    }

    /// <summary>
    /// One authenticated read, and an error that says which part the service refused: a key or token it does not
    /// know, a project that is not the credential's, or a credential without DLI rights in that project.
    /// </summary>
    private void Check(DliContext context)
    {
        try
        {
            Await(new DliClient(context, Pump).ListSessionsPageAsync(new SessionListQuery(null, null), 0, 1, CancelToken));
            Pump.Verbose($"Checked: DLI accepted the credential for project {context.ProjectId}.");
        }
        catch (DliException ex)
        {
            Pump.Flush();
            var (errorId, cause, advice) = ConnectionCheck.Explain(ex, context);
            var record = new ErrorRecord(new DliConnectionCheckException(cause + " " + ex.Message, ex), errorId, ErrorRecords.Category(ex.Kind), context)
            {
                ErrorDetails = new ErrorDetails(cause + " " + ex.Message) { RecommendedAction = advice },
            };
            ThrowTerminatingError(record);
        }
    }
}
