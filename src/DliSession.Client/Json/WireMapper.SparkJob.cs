using System.Text.Json;
using DliSession.Client.Models;

namespace DliSession.Client.Json;

/// <summary>From the Spark job's wire objects to <see cref="SparkJob"/>, with the session mapping's rules for absent values.</summary>
internal static partial class WireMapper
{
    private const string AJob = "a Spark job";

    public static SparkJob ToSparkJob(SparkJobWire? wire, DliContext context)
    {
        if (wire is null) throw Shape(AJob, "the job is null");
        var (bodyJson, body) = RequestBody(wire.RequestBody);
        return new SparkJob
        {
            Id = UsableId(wire.Id, AJob),
            State = Required(wire.State, AJob, "state"),
            Name = Text(wire.Name),
            Queue = Text(wire.Queue),
            ClusterName = Text(wire.ClusterName),
            ScType = Text(wire.ScType),
            AppIds = wire.AppId ?? [],
            Owner = Text(wire.Owner),
            ProxyUser = Text(wire.ProxyUser),
            Kind = Text(wire.Kind),
            Image = Text(wire.Image),
            Feature = Text(wire.Feature),
            SparkVersion = Text(wire.SparkVersion),
            Log = wire.Log is { } log ? new LogLines(log) : LogLines.None,
            CreateTime = Time(wire.CreateTime, AJob),
            UpdateTime = Time(wire.UpdateTime, AJob),
            Duration = wire.Duration is >= 0 and var ms ? TimeSpan.FromMilliseconds(ms) : null,
            RequestBodyJson = bodyJson,
            RequestBody = body,
            ProjectId = context.ProjectId,
            Endpoint = context.Endpoint,
            Context = context,
        };
    }

    /// <summary>
    /// <c>req_body</c> is the create request as a JSON text; an object is taken as well. A text that is not a JSON
    /// object is kept as it is, unread: it is informational, and must not cost the caller the job.
    /// </summary>
    private static (string? Json, IReadOnlyDictionary<string, object?>? Body) RequestBody(JsonElement? element)
    {
        if (element is not { } value) return (null, null);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return (value.GetRawText(), Dictionary(value));
            case JsonValueKind.String when value.GetString() is { Length: > 0 } text:
                try
                {
                    using var document = JsonDocument.Parse(text);
                    return (text, document.RootElement.ValueKind == JsonValueKind.Object ? Dictionary(document.RootElement) : null);
                }
                catch (JsonException)
                {
                    return (text, null);
                }
            default:
                return (null, null);
        }
    }

    private static Dictionary<string, object?> Dictionary(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject()) map[property.Name] = Plain(property.Value);
        return map;
    }

    /// <summary>A JSON value as the plain .NET value PowerShell shows naturally.</summary>
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
