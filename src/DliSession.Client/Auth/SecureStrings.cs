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

    /// <summary>
    /// Whether the secret holds a control character (CR, LF, NUL, ...), read in place and never copied to a string:
    /// such a character would end a header line and start another one on the wire.
    /// </summary>
    public static bool HasControlCharacter(SecureString secure)
    {
        var ptr = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try
        {
            unsafe
            {
                return HasControlCharacter(new ReadOnlySpan<char>((void*)ptr, secure.Length));
            }
        }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(ptr); }
    }

    public static bool HasControlCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (char.IsControl(c) || c is '\u2028' or '\u2029') return true;
        return false;
    }

    /// <summary>What is wrong with a value holding a control character, after the name of the item (never its value).</summary>
    public const string ControlCharacterRule =
        "holds a control character (such as a line break), which would change the request's headers; it was refused";

    public static ArgumentException ControlCharacterIn(string item, string parameterName) =>
        new($"The {item} {ControlCharacterRule}.", parameterName);

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
