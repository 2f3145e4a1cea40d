using Microsoft.AspNetCore.Http.Features;

namespace DliSession.Emulator.Pipeline;

/// <summary>Who made the request: the access key of a signed request, else <see cref="Anonymous"/>. Sessions report
/// it as their owner and proxy user.</summary>
internal sealed record Caller(string Name)
{
    public static readonly Caller Anonymous = new("emulator");

    public static string NameOf(HttpContext context) => context.Features.GetRequiredFeature<Caller>().Name;
}
