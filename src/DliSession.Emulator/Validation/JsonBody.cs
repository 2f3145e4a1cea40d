using System.Text.Json;

namespace DliSession.Emulator.Validation;

/// <summary>Typed reads of a request body's fields, each failing with a message that names the field.
/// A JSON null counts as absent, as the documented optional fields allow.</summary>
internal static class JsonBody
{
    public static JsonDocument ParseObject(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new RequestValidationException("The request body is not valid JSON.");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new RequestValidationException("The request body must be a JSON object.");
        }
        return document;
    }

    public static JsonElement? Field(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? OptionalString(JsonElement parent, string name, string path) =>
        Field(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            _ => throw new RequestValidationException($"{path} must be a string."),
        };

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw new RequestValidationException($"{path} is required.");

    public static int? OptionalPositiveInteger(JsonElement parent, string name)
    {
        if (Field(parent, name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number <= 0)
            throw new RequestValidationException($"{name} must be a positive integer.");
        return number;
    }

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, when the field is given.</summary>
    public static int? OptionalIntegerInRange(JsonElement parent, string name, int min, int max = int.MaxValue)
    {
        if (Field(parent, name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
            throw new RequestValidationException(max == int.MaxValue
                ? $"{name} must be an integer of at least {min}."
                : $"{name} must be an integer from {min} to {max}.");
        return number;
    }

    public static bool? OptionalBoolean(JsonElement parent, string name) =>
        Field(parent, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw new RequestValidationException($"{name} must be true or false."),
        };

    public static IReadOnlyList<JsonElement>? OptionalArray(JsonElement parent, string name, string path)
    {
        if (Field(parent, name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Array) throw new RequestValidationException($"{path} must be an array.");
        return [.. value.EnumerateArray()];
    }

    public static void OptionalStringArray(JsonElement parent, string name)
    {
        var items = OptionalArray(parent, name, name) ?? [];
        for (var i = 0; i < items.Count; i++)
            if (items[i].ValueKind != JsonValueKind.String)
                throw new RequestValidationException($"{name}[{i}] must be a string.");
    }
}
