using Microsoft.AspNetCore.Http.Features;

namespace DliSession.Emulator.Pipeline;

/// <summary>The exact request body bytes, read once: the signature hashes them, the journal records them and the
/// handlers parse them.</summary>
internal sealed record BufferedRequestBody(byte[] Bytes)
{
    public static byte[] Of(HttpContext context) => context.Features.GetRequiredFeature<BufferedRequestBody>().Bytes;
}
