using System.Runtime.InteropServices;
using System.Text;
using DliSession.Client.Errors;

namespace DliSession.Client.Safety;

/// <summary>
/// Reads the small local files the module takes (the credentials file, a statement's code) without trusting what
/// the path points at: only a regular file is opened, since a FIFO blocks the open until someone writes to it and a
/// device such as /dev/zero never ends, and at most a bounded number of bytes is read.
/// </summary>
public static partial class LocalFile
{
    /// <summary>The path is a device, pipe, socket or directory.</summary>
    public const string NotRegularId = "DliFileNotRegular";

    /// <summary>The file is larger than what it can be.</summary>
    public const string TooLargeId = "DliFileTooLarge";

    /// <summary>
    /// The text of <paramref name="path"/> (UTF-8 unless a byte order mark says otherwise), or a <see cref="DliException"/>
    /// with <see cref="NotRegularId"/> or <see cref="TooLargeId"/> that names <paramref name="what"/>.
    /// </summary>
    public static string ReadText(string path, long maxBytes, string what)
    {
        if (IsRegular(path) == false)
            throw new DliException(NotRegularId, DliErrorKind.InvalidArgument,
                $"{what} '{path}' is not a regular file (it is a device, pipe, socket or directory), so it was not read.");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        var buffer = new byte[(int)Math.Min(maxBytes + 1, stream.CanSeek ? Math.Max(stream.Length + 1, 4096) : maxBytes + 1)];
        var length = 0;
        int read;
        while (length <= maxBytes && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
            if (length == buffer.Length && length <= maxBytes) Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, maxBytes + 1));
        }
        if (length > maxBytes)
            throw new DliException(TooLargeId, DliErrorKind.InvalidArgument,
                $"{what} '{path}' is larger than {maxBytes:N0} bytes, more than it can be, so it was not read.");
        using var reader = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Whether <paramref name="path"/> (symbolic links followed) is a regular file; null when that cannot be told.
    /// .NET reports no file type beyond directories, so on Unix this asks the runtime's own native shim, which every
    /// .NET process has loaded, for the type bits of <c>stat</c>.
    /// </summary>
    internal static bool? IsRegular(string path)
    {
        if (Directory.Exists(path)) return false;
        if (OperatingSystem.IsWindows()) return null;
        var status = new byte[256];
        try
        {
            if (Stat(path, status) != 0) return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        // The shim's FileStatus starts with int32 Flags, int32 Mode; its S_IFMT bits are the same on every Unix.
        var mode = BitConverter.ToInt32(status, 4);
        return (mode & 0xF000) == 0x8000;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}
