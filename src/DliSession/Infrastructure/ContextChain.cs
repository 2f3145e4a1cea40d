using DliSession.Client;
using DliSession.Client.Auth;
using DliSession.Client.Errors;
using DliSession.Client.Http;

namespace DliSession.Commands.Infrastructure;

/// <summary>The end of the resolution chain: a context from the environment, when nobody passed or connected one.</summary>
internal static class ContextChain
{
    public static DliContext FromEnvironment(IDliLog log)
    {
        var endpoint = Environment.GetEnvironmentVariable("DLI_ENDPOINT");
        var region = Environment.GetEnvironmentVariable("DLI_REGION");
        var project = Environment.GetEnvironmentVariable("HUAWEICLOUD_SDK_PROJECT_ID");
        var token = Environment.GetEnvironmentVariable("DLI_AUTH_TOKEN");
        if ((endpoint ?? region) is null || project is null || token is null)
            throw new DliException("DliNotConnected", DliErrorKind.Authentication,
                "No DLI connection: run Connect-Dli, or set DLI_ENDPOINT (or DLI_REGION), HUAWEICLOUD_SDK_PROJECT_ID and DLI_AUTH_TOKEN.");
        log.Debug("Context from the environment.");
        var uri = endpoint is not null ? new Uri(endpoint) : DliContext.EndpointForRegion(region!);
        return new DliContext(uri, project, new TokenCredential(SecureStrings.FromString(token)), region, "environment");
    }
}
