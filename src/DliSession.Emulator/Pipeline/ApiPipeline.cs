using System.Diagnostics;
using DliSession.Emulator.Authentication;
using DliSession.Emulator.Control;

namespace DliSession.Emulator.Pipeline;

/// <summary>
/// What every API request goes through before its endpoint: body buffering, the journal, injected faults (before
/// authentication, as a gateway failure would be), authentication and the project check.
/// </summary>
internal sealed class ApiPipeline(RequestDelegate next, EmulatorOptions options, RequestAuthenticator authenticator,
    Journal journal, FaultInjector faults, EmulatorStats stats, TimeProvider clock)
{
    public const string ApiPrefix = "/v2.0";

    public static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments(ApiPrefix);

    public async Task InvokeAsync(HttpContext context)
    {
        var receivedAt = clock.GetUtcNow();
        stats.CountRequest(ConnectionIds.Of(context));
        var body = await ReadBodyAsync(context.Request);
        context.Features.Set(new BufferedRequestBody(body));
        var recorded = false;
        void Record(int status)
        {
            if (recorded) return;
            recorded = true;
            journal.Record(context, body, receivedAt, status);
        }
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            status = faults.TryTake(context.Request.Method, context.Request.Path.Value ?? "") is { } fault
                ? await fault.ApplyAsync(context, () => Record(0))
                : await HandleAsync(context, body);
        }
        finally
        {
            Record(status);
        }
    }

    private async Task<int> HandleAsync(HttpContext context, byte[] body)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (authenticator.Authenticate(context, body, out var failure) is not { } caller)
                await ApiResults.Unauthorized(failure).ExecuteAsync(context);
            else if (!IsOwnProject(context.Request.Path))
                await ApiResults.Unauthorized("The project in the path is not this endpoint's project.").ExecuteAsync(context);
            else
            {
                context.Features.Set(caller);
                await next(context);
            }
            return context.Response.StatusCode;
        }
        finally
        {
            stats.AddHandlerTime(Stopwatch.GetTimestamp() - started);
        }
    }

    /// <summary>The token or key is scoped to one project; a path naming another one is refused like a bad credential.</summary>
    private bool IsOwnProject(PathString path)
    {
        var rest = path.Value.AsSpan(ApiPrefix.Length).TrimStart('/');
        var end = rest.IndexOf('/');
        return (end < 0 ? rest : rest[..end]).SequenceEqual(options.ProjectId);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }
}
