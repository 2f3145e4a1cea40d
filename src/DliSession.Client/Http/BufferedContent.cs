using System.Buffers;

namespace DliSession.Client.Http;

/// <summary>
/// A response body already read into memory, whose bytes the parser reads in place instead of copying. The buffer is
/// rented, because list pages run to hundreds of kilobytes and fresh arrays of that size would each land on the large
/// object heap and drive full collections; disposing the response gives it back.
/// </summary>
internal sealed class BufferedContent(byte[] rented, int length) : HttpContent
{
    private byte[]? _rented = rented;

    public ReadOnlyMemory<byte> Bytes =>
        _rented is { } buffer ? buffer.AsMemory(0, length) : throw new ObjectDisposedException(nameof(BufferedContent));

    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
        stream.WriteAsync(Bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = Bytes.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _rented, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        base.Dispose(disposing);
    }
}
