namespace DliSession.Client.Http;

/// <summary>A response body already read into memory, whose bytes the parser reads in place instead of copying.</summary>
internal sealed class BufferedContent(ReadOnlyMemory<byte> bytes) : HttpContent
{
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(Bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Bytes.Length;
        return true;
    }
}
