using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace DliSession.Client.Auth;

/// <summary>Reads a <see cref="SecureString"/> for the instant it is needed, and zeroes the unmanaged copy at once.</summary>
internal static class SecureStrings
{
    public static SecureString FromString(string value)
    {
        var secure = new SecureString();
        foreach (var c in value) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>The plain text, for header values that must go on the wire as text.</summary>
    public static string Reveal(SecureString secure)
    {
        var ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try { return Marshal.PtrToStringUni(ptr, secure.Length); }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(ptr); }
    }

    /// <summary>Runs <paramref name="use"/> over the UTF-8 bytes of the secret and clears them afterwards.</summary>
    public static TResult WithUtf8<TResult>(SecureString secure, Func<byte[], TResult> use)
    {
        var ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
        byte[]? bytes = null;
        try
        {
            unsafe
            {
                var chars = new ReadOnlySpan<char>((void*)ptr, secure.Length);
                bytes = new byte[Encoding.UTF8.GetByteCount(chars)];
                Encoding.UTF8.GetBytes(chars, bytes);
            }
            return use(bytes);
        }
        finally
        {
            if (bytes is not null) Array.Clear(bytes);
            Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }
}
