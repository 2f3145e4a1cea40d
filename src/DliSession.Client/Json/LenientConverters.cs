using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DliSession.Client.Json;

/// <summary>A map whose values are kept as text: strings as they are, anything else as its raw JSON.</summary>
internal sealed class LenientStringMapConverter : JsonConverter<Dictionary<string, string?>>
{
    public override Dictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            // "Array of objects" in the documentation: take the first object, if any.
            Dictionary<string, string?>? first = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject && first is null) first = ReadObject(ref reader);
                else reader.Skip();
            }
            return first;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"Expected an object but found {reader.TokenType}.");
        return ReadObject(ref reader);
    }

    private static Dictionary<string, string?> ReadObject(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => reader.GetString(),
                _ => JsonElement.ParseValue(ref reader).GetRawText(),
            };
        }
        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string?> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value) writer.WriteString(key, text);
        writer.WriteEndObject();
    }
}

/// <summary>An integer sent as a number or as a numeric string.</summary>
internal sealed class LenientIntConverter : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LenientLongConverter.ReadNumber(ref reader) switch
        {
            null => null,
            var n and >= int.MinValue and <= int.MaxValue => (int)n,
            var n => throw new JsonException($"The integer {n} is out of range."),
        };

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
    {
        if (value is { } n) writer.WriteNumberValue(n); else writer.WriteNullValue();
    }
}

/// <summary>A 64-bit integer (epoch milliseconds, a line count) sent as a number or as a numeric string.</summary>
internal sealed class LenientLongConverter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNumber(ref reader);

    internal static long? ReadNumber(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetInt64(),
            JsonTokenType.String when long.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => throw new JsonException($"Expected an integer but found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } n) writer.WriteNumberValue(n); else writer.WriteNullValue();
    }
}

/// <summary>
/// Strings sent as one string, null or an array of strings (DLI's <c>appId</c>: a string in the SDKs, "Array of
/// strings" in the 2021 documentation). An empty string, DLI's "not yet", reads as no strings.
/// </summary>
internal sealed class StringListConverter : JsonConverter<string[]?>
{
    public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return reader.GetString() is { Length: > 0 } one ? [one] : [];
            case JsonTokenType.StartArray:
                var all = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String) { if (reader.GetString() is { Length: > 0 } text) all.Add(text); }
                    else if (reader.TokenType != JsonTokenType.Null)
                        throw new JsonException($"Expected strings in the array but found {reader.TokenType}.");
                }
                return [.. all];
            default: throw new JsonException($"Expected a string or an array of strings but found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string[]? value, JsonSerializerOptions options)
    {
        if (value is null) { writer.WriteNullValue(); return; }
        writer.WriteStartArray();
        foreach (var text in value) writer.WriteStringValue(text);
        writer.WriteEndArray();
    }
}

/// <summary>
/// JSON kept as text: a string as it is, an object as its JSON; anything else reads as null. It is read without
/// building a document, so a list of thousands of items pays only for copying the text.
/// </summary>
internal sealed class JsonTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.StartObject:
                using (var value = JsonDocument.ParseValue(ref reader)) return value.RootElement.GetRawText();
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

/// <summary>A string, or the first string of an array of strings.</summary>
internal sealed class FirstStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.StartArray:
                string? first = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.String) first ??= reader.GetString();
                    else throw new JsonException($"Expected strings in the array but found {reader.TokenType}.");
                }
                return first;
            default: throw new JsonException($"Expected a string but found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
