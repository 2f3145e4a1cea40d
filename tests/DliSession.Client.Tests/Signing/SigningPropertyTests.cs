using CsCheck;
using DliSession.Client.Auth;
using DliSession.Client.Signing;

namespace DliSession.Client.Tests.Signing;

public sealed class SigningPropertyTests
{
    private const string SdkDate = "20240607T083015Z";

    private static readonly Gen<KeyValuePair<string, string>[]> CustomHeaders =
        Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 8], Gen.String[Gen.Char['!', '~'], 1, 16],
                (name, value) => new KeyValuePair<string, string>("x-" + name, value))
            .Array[0, 6]
            .Select(headers => headers.DistinctBy(h => h.Key).ToArray());

    /// <summary>Text without surrogates, so that every generated string survives UTF-8 encoding unchanged.</summary>
    private static readonly Gen<string> Text = Gen.String[Gen.Char['\u0020', '\ud7ff'], 0, 10];

    [Fact]
    public void The_signature_ignores_header_insertion_order_and_name_case() =>
        CustomHeaders
            .SelectMany(headers => Gen.Shuffle(headers.ToArray()), (headers, shuffled) => (headers, shuffled))
            .Select(Gen.ULong, (pair, caseBits) => (pair.headers, pair.shuffled, caseBits))
            .Sample((headers, shuffled, caseBits) =>
            {
                var reordered = shuffled.Select(h => new KeyValuePair<string, string>(MixCase(h.Key, caseBits), h.Value)).ToArray();
                Assert.Equal(SignWithHeaders(headers), SignWithHeaders(reordered));
            });

    [Fact]
    public void Header_values_are_signed_trimmed() =>
        Gen.Select(CustomHeaders, Gen.String[Gen.Char[" \t"], 0, 3], Gen.String[Gen.Char[" \t"], 0, 3])
            .Sample((headers, before, after) =>
            {
                var padded = headers.Select(h => new KeyValuePair<string, string>(h.Key, before + h.Value + after)).ToList();
                Assert.Equal(SdkHmacSha256.CanonicalHeaders(headers), SdkHmacSha256.CanonicalHeaders(padded));
            });

    [Fact]
    public void The_canonical_query_is_the_decoded_pairs_sorted_whatever_their_order_on_the_wire() =>
        Gen.Select(Text, Text, (name, value) => (name, value)).Array[0, 6]
            .SelectMany(pairs => Gen.Shuffle(pairs.ToArray()), (pairs, shuffled) => (pairs, shuffled))
            .Sample((pairs, shuffled) =>
            {
                var sorted = pairs.OrderBy(p => p.name, StringComparer.Ordinal).ThenBy(p => p.value, StringComparer.Ordinal);
                var expected = string.Join('&', sorted.Select(Encode));
                var wireQuery = new Uri("https://dli.example.com/v1.0/p/jobs?" + string.Join('&', shuffled.Select(Encode))).Query;
                Assert.Equal(expected, SdkHmacSha256.CanonicalQuery(wireQuery));
            });

    private static string Encode((string name, string value) pair) =>
        SdkHmacSha256.UriEncode(pair.name) + "=" + SdkHmacSha256.UriEncode(pair.value);

    private static string MixCase(string name, ulong bits) =>
        string.Concat(name.Select((c, i) => (bits >> (i % 64) & 1) == 1 ? char.ToUpperInvariant(c) : c));

    /// <summary>Signs a GET carrying <paramref name="headers"/>, in the given order and spelling, through the credential.</summary>
    private static string SignWithHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://dli.example.com/v1.0/p/queues");
        request.Headers.TryAddWithoutValidation(SdkHmacSha256.DateHeader, SdkDate);
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var credential = new AccessKeyCredential("AKPROPERTY", SecureStrings.FromString("property-secret"));
        credential.Sign(request, [], SdkDate, headers.Select(h => h.Key).Append(SdkHmacSha256.DateHeader));
        return request.Headers.GetValues("Authorization").Single();
    }
}
