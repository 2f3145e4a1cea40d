using System.Text.Json;

namespace DliSession.Client.Tests.Signing;

/// <summary>One entry of <c>signing-vectors.json</c>, reduced to what the tests replay.</summary>
public sealed record SigningVector(
    string Id, string Mode, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body,
    string AccessKey, string SecretKey, string Date, string? ProjectId, string? SecurityToken,
    string CanonicalRequest, string StringToSign, string Authorization,
    IReadOnlyDictionary<string, string> ExpectedHeaders, string? SdkRequestUrl);

/// <summary>
/// Loads the signing vectors of <c>tests/data/signing-vectors.json</c>, which the build copies beside the test assembly;
/// a missing file is a failure, never a skip.
/// </summary>
public static class SigningVectors
{
    private static readonly Lazy<IReadOnlyList<SigningVector>> All = new(Load);

    public static IReadOnlyList<SigningVector> Vectors => All.Value;

    public static SigningVector Get(string id) => Vectors.Single(v => v.Id == id);

    public static TheoryData<string> SignerIds => Ids("signer");

    public static TheoryData<string> SdkIds => Ids("sdk");

    public static string Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "signing-vectors.json");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The signing vectors are missing from the test output ({path}); they are required.");
    }

    private static TheoryData<string> Ids(string mode)
    {
        var data = new TheoryData<string>();
        foreach (var v in Vectors.Where(v => v.Mode == mode)) data.Add(v.Id);
        return data;
    }

    private static IReadOnlyList<SigningVector> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Locate()));
        return doc.RootElement.GetProperty("vectors").EnumerateArray().Select(Parse).ToList();
    }

    private static SigningVector Parse(JsonElement vector)
    {
        var input = vector.GetProperty("input");
        var expected = vector.GetProperty("expected");
        // Where Huawei's Node SDK deviates from the written rule, the vector names the value every other signer gives.
        var consensus = vector.TryGetProperty("node_sdk_quirk", out var quirk) ? quirk.GetProperty("consensus_expected") : expected;
        return new SigningVector(
            Id: vector.GetProperty("id").GetString()!,
            Mode: Optional(input, "mode") ?? "signer",
            Method: input.GetProperty("method").GetString()!,
            Url: input.GetProperty("url").GetString()!,
            Headers: Pairs(input, "headers"),
            Body: Optional(input, "body") ?? string.Empty,
            AccessKey: input.GetProperty("ak").GetString()!,
            SecretKey: input.GetProperty("sk").GetString()!,
            Date: input.GetProperty("date").GetString()!,
            ProjectId: Optional(input, "projectId"),
            SecurityToken: Optional(input, "securityToken"),
            CanonicalRequest: consensus.GetProperty("canonical_request").GetString()!,
            StringToSign: consensus.GetProperty("string_to_sign").GetString()!,
            Authorization: consensus.GetProperty("authorization").GetString()!,
            ExpectedHeaders: Pairs(expected, "headers").ToDictionary(StringComparer.OrdinalIgnoreCase),
            SdkRequestUrl: Optional(expected, "sdk_request_url"));
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static List<KeyValuePair<string, string>> Pairs(JsonElement element, string name) =>
        element.TryGetProperty(name, out var obj)
            ? obj.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList()
            : [];
}
