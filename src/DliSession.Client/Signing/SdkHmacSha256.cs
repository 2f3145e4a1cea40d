using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DliSession.Client.Signing;

/// <summary>
/// Huawei Cloud's <c>SDK-HMAC-SHA256</c> request signature, as the API signing guide and Huawei's own SDK signers
/// compute it. Pure functions over strings and bytes, with no dependency beyond the BCL, so that the emulator
/// verifies signatures with this very file (linked into its project) instead of a second implementation.
/// </summary>
public static class SdkHmacSha256
{
    public const string Algorithm = "SDK-HMAC-SHA256";
    public const string DateHeader = "X-Sdk-Date";
    public const string ContentSha256Header = "X-Sdk-Content-Sha256";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>SHA-256 of an empty body, the payload hash of every GET and DELETE.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? value, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>RFC 3986 encoding of every UTF-8 byte outside <c>A-Z a-z 0-9 - _ . ~</c>, upper-case hex.</summary>
    public static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b)) builder.Append((char)b);
            else builder.Append('%').Append(((int)b).ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    /// <summary>The canonical URI of an escaped absolute path: each segment decoded, re-encoded once, and a trailing slash.</summary>
    public static string CanonicalUri(string escapedPath)
    {
        var segments = escapedPath.Split('/');
        var encoded = string.Join('/', segments.Select(s => UriEncode(Uri.UnescapeDataString(s))));
        if (encoded.Length == 0 || encoded[0] != '/') encoded = "/" + encoded;
        return encoded.EndsWith('/') ? encoded : encoded + "/";
    }

    /// <summary>The canonical query of an escaped query string (with or without the leading '?'):
    /// pairs decoded, sorted ordinally by decoded name then value, re-encoded.</summary>
    public static string CanonicalQuery(string escapedQuery)
    {
        var query = escapedQuery.StartsWith('?') ? escapedQuery[1..] : escapedQuery;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }
        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => UriEncode(p.Key) + "=" + UriEncode(p.Value)));
    }

    /// <summary>Canonical header lines (each ending in a newline) and the signed-header list, from the headers to sign.</summary>
    public static (string CanonicalHeaders, string SignedHeaders) CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var normalized = headers
            .Select(h => new KeyValuePair<string, string>(h.Key.Trim().ToLowerInvariant(), h.Value.Trim()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
        var lines = new StringBuilder();
        foreach (var h in normalized) lines.Append(h.Key).Append(':').Append(h.Value).Append('\n');
        return (lines.ToString(), string.Join(';', normalized.Select(h => h.Key)));
    }

    public static string CanonicalRequest(string method, string escapedPath, string escapedQuery,
        IEnumerable<KeyValuePair<string, string>> signedHeaders, string payloadHash)
    {
        var (canonicalHeaders, signedHeaderNames) = CanonicalHeaders(signedHeaders);
        return string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalUri(escapedPath),
            CanonicalQuery(escapedQuery),
            canonicalHeaders,
            signedHeaderNames,
            payloadHash);
    }

    public static string StringToSign(string sdkDate, string canonicalRequest) =>
        Algorithm + "\n" + sdkDate + "\n" + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));

    /// <summary>Lower-case hex HMAC-SHA256 of the string to sign, keyed with the UTF-8 bytes of the secret key.</summary>
    public static string Signature(ReadOnlySpan<byte> secretKeyUtf8, string stringToSign)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secretKeyUtf8, Encoding.UTF8.GetBytes(stringToSign), mac);
        return Convert.ToHexStringLower(mac);
    }

    public static string AuthorizationHeader(string accessKey, string signedHeaders, string signature) =>
        $"{Algorithm} Access={accessKey}, SignedHeaders={signedHeaders}, Signature={signature}";

    /// <summary>Lower-case hex SHA-256 of the exact body bytes sent.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Reads the three fields of an <c>Authorization</c> value; false when it is not of this algorithm's form.</summary>
    public static bool TryParseAuthorization(string? value, out string accessKey, out string signedHeaders, out string signature)
    {
        accessKey = signedHeaders = signature = string.Empty;
        if (value is null || !value.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return false;
        foreach (var field in value[(Algorithm.Length + 1)..].Split(','))
        {
            var part = field.Trim();
            var eq = part.IndexOf('=');
            if (eq <= 0) return false;
            var v = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Access": accessKey = v; break;
                case "SignedHeaders": signedHeaders = v; break;
                case "Signature": signature = v; break;
                default: return false;
            }
        }
        return accessKey.Length > 0 && signedHeaders.Length > 0 && signature.Length > 0;
    }
}
