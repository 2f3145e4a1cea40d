using DliSession.Emulator.Authentication;
using DliSession.Emulator.Control;
using DliSession.Emulator.Pipeline;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace DliSession.Emulator;

/// <summary>Builds and runs the emulator. <see cref="Build"/> is separate so tests can host it in-process.</summary>
internal static class EmulatorApp
{
    /// <param name="configure">Lets tests change the host before it is built, e.g. <c>UseTestServer()</c>.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var options = EmulatorOptions.Parse(args, Environment.GetEnvironmentVariable, out var hostArgs);
        var builder = WebApplication.CreateSlimBuilder(hostArgs);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<BatchStore>();
        builder.Services.AddSingleton<SignatureVerifier>();
        builder.Services.AddSingleton<RequestAuthenticator>();
        builder.Services.AddSingleton<Journal>();
        builder.Services.AddSingleton<FaultInjector>();
        builder.Services.AddSingleton<EmulatorStats>();
        builder.Services.AddHostedService<HeartbeatWatchdog>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Services.GetRequiredService<SessionStore>().PreCreate(options.PreCreatedSessions);
        app.Services.GetRequiredService<BatchStore>().PreCreate(options.PreCreatedBatches);
        app.UseWhen(ApiPipeline.IsApiRequest, api => api.UseMiddleware<ApiPipeline>());
        app.MapControlEndpoints();
        app.MapSessionEndpoints();
        app.MapStatementEndpoints();
        app.MapBatchControlEndpoints();
        app.MapBatchEndpoints();
        return app;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        if (EmulatorOptions.IsHelpRequested(args))
        {
            Console.WriteLine(EmulatorOptions.HelpText);
            return 0;
        }
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (EmulatorOptionException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message} (see --help)");
            return 2;
        }
        await using (app)
        {
            await app.StartAsync();
            // The first stdout line is the contract with test harnesses: it names the port really bound (for :0).
            var url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            Console.Out.WriteLine($"DLI emulator listening on {url} project {app.Services.GetRequiredService<EmulatorOptions>().ProjectId}");
            Console.Out.Flush();
            await app.WaitForShutdownAsync();
        }
        return 0;
    }
}
