using DliSession.Client;
using DliSession.Client.Auth;
using DliSession.Client.Http;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// The module's end of the resolution chain: the core's resolver over this process's environment and home, with
/// each item's source (never its value) written to the debug stream, and the core's failures worded for a
/// PowerShell user: which parameter of which cmdlet supplies what is missing.
/// </summary>
internal static class ContextChain
{
    /// <summary>How the core names what a cmdlet was given: by its parameter.</summary>
    public static string ParameterName(string item) => "-" + item;

    public static DliContext Resolve(ConnectionRequest request, IDliLog log, DliHttpSettings? http = null)
    {
        ContextResolution resolution;
        try
        {
            resolution = ContextResolver.ForCurrentProcess().Resolve(request);
        }
        catch (DliCredentialException ex) when (Advice(ex.Problem) is { } advice)
        {
            throw ex.Reworded($"{ex.Message} {advice}");
        }
        foreach (var line in resolution.Diagnostics) log.Debug(line);
        return resolution.Context.WithHttp(http ?? DliHttpSettings.FromEnvironment(Environment.GetEnvironmentVariable));
    }

    public static DliContext FromEnvironment(IDliLog log) => Resolve(new ConnectionRequest { ItemName = ParameterName }, log);

    /// <summary>What to do about a missing item, in PowerShell's terms; the core's message already says where it looked.</summary>
    private static string? Advice(ConnectionProblem problem) => problem switch
    {
        ConnectionProblem.NoCredential =>
            "Connect with Connect-Dli -Credential (access key as user name, secret key as password), -AccessKey with -SecretKey, " +
            "or -Token; or set those environment variables, or put ak and sk in that section of the credentials file.",
        ConnectionProblem.NoProjectId => "Pass -ProjectId to Connect-Dli, or set that environment variable, or put project_id in that section.",
        ConnectionProblem.NoEndpoint => "Pass -Endpoint or -Region to Connect-Dli, or set one of those environment variables.",
        _ => null,
    };
}
