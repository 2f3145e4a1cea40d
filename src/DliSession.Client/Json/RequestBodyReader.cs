using System.Text.Json;

namespace DliSession.Client.Json;

/// <summary>A Spark job's <c>req_body</c> text read into plain .NET values, as PowerShell shows them naturally.</summary>
internal static class RequestBodyReader
{
    /// <summary>
    /// The dictionary of a JSON object text (keys without case); null for no text, or a text that is not a JSON object:
    /// the body is informational, and must not cost the caller the job.
    /// </summary>
    public static IReadOnlyDictionary<string, object?>? Read(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? Dictionary(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, object?> Dictionary(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject()) map[property.Name] = Plain(property.Value);
        return map;
    }

    private static object? Plain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Dictionary(element),
        JsonValueKind.Array => element.EnumerateArray().Select(Plain).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
