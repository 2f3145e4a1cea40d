using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DliSession.Client.Errors;

namespace DliSession.Client.Json;

/// <summary>
/// Turns a success body into a wire object or a <see cref="DliResponseException"/> that says what was wrong with it.
/// Every response of the API goes through here, so a hostile body can only ever produce that one exception type.
/// </summary>
internal static class ResponseParser
{
    private const int ExcerptLength = 80;

    public static T Parse<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type, string expected) where T : class
    {
        var start = FirstNonWhitespace(body);
        if (start < 0)
            throw new DliResponseException(DliResponseException.Empty,
                $"The service sent an empty body where {expected} was expected.");
        if (body[start] != (byte)'{' && body[start] != (byte)'[')
            throw IsJsonValue(body)
                ? new DliResponseException(DliResponseException.WrongShape,
                    $"The service's JSON is not {expected}: it is the bare value {Excerpt(body[start..])}.")
                : new DliResponseException(DliResponseException.NotJson,
                    $"The service sent something that is not JSON where {expected} was expected; it begins: {Excerpt(body[start..])}");
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new DliResponseException(DliResponseException.WrongShape,
                    $"The service sent null where {expected} was expected.");
        }
        catch (JsonException ex) when (IsTruncated(body))
        {
            throw new DliResponseException(DliResponseException.Truncated,
                $"The service's JSON for {expected} ends early ({body.Length} bytes): the response was cut short.", ex);
        }
        catch (JsonException ex)
        {
            throw new DliResponseException(DliResponseException.WrongShape,
                $"The service's JSON is not {expected}: {ex.Message}{Where(ex)}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // Thrown by the reader for a token of the wrong type inside a generated converter.
            throw new DliResponseException(DliResponseException.WrongShape,
                $"The service's JSON is not {expected}: {ex.Message}", ex);
        }
    }

    /// <summary>Where in the body a converter's own message applies, when the message does not say already.</summary>
    private static string Where(JsonException ex) =>
        ex.Path is { Length: > 0 } path && !ex.Message.Contains(path, StringComparison.Ordinal) ? $" (at {path})" : string.Empty;

    /// <summary>A whole JSON document, such as <c>null</c>, <c>42</c> or <c>"ok"</c>: JSON, only not an object.</summary>
    private static bool IsJsonValue(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Malformed JSON counts as truncated when the reader runs out of input before it finds an error.</summary>
    internal static bool IsTruncated(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read()) { }
        }
        catch (JsonException)
        {
            return false;
        }
        return reader.BytesConsumed < body.Length || reader.CurrentDepth > 0 || reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray);
    }

    public static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, ExcerptLength * 4)]);
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= ExcerptLength ? oneLine : oneLine[..ExcerptLength] + "…";
    }

    private static int FirstNonWhitespace(ReadOnlySpan<byte> body)
    {
        for (var i = 0; i < body.Length; i++)
            if (body[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return i;
        return -1;
    }
}
