using System.Text.Json;
using System.Text.RegularExpressions;
using static DliSession.Emulator.Validation.JsonBody;

namespace DliSession.Emulator.Validation;

/// <summary>The documented rules of the create-session body (dli-session-api §2.1). Unknown fields are ignored,
/// as Livy's Jackson setup for DLI does; every broken rule yields a message naming the field.</summary>
internal static partial class CreateSessionValidator
{
    public const int MaxNameLength = 128;
    private static readonly string[] ScTypes = ["A", "B", "C"];
    private static readonly string[] SizingFields = ["driverMemory", "driverCores", "executorMemory", "executorCores", "numExecutors"];

    /// <summary>The documentation's "unit is mandatory": digits then k, m, g or t, with an optional b (2g, 2048M, 2GB).</summary>
    [GeneratedRegex(@"^\d+(k|m|g|t)b?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemoryWithUnit();

    public static CreateSessionRequest Validate(byte[] body)
    {
        using var document = ParseObject(body);
        var root = document.RootElement;

        var kind = OptionalString(root, "kind", "kind") ?? throw new RequestValidationException("kind is required.");
        if (kind != "spark") throw new RequestValidationException("kind must be 'spark'; DLI sessions run Scala only.");

        var clusterName = OptionalString(root, "cluster_name", "cluster_name");
        var queue = OptionalString(root, "queue", "queue");
        var target = !string.IsNullOrWhiteSpace(queue) ? queue
            : !string.IsNullOrWhiteSpace(clusterName) ? clusterName
            : throw new RequestValidationException("cluster_name or queue is required.");

        var name = OptionalString(root, "name", "name") ?? "";
        if (name.Length > MaxNameLength) throw new RequestValidationException($"name must be at most {MaxNameLength} characters.");

        var scType = OptionalString(root, "sc_type", "sc_type");
        if (scType is not null && !ScTypes.Contains(scType)) throw new RequestValidationException("sc_type must be A, B or C.");

        foreach (var field in (string[])["jars", "pyFiles", "files", "modules"]) OptionalStringArray(root, field);
        ValidateResources(root, "resources", "resources");
        ValidateGroups(root);
        if (Field(root, "conf") is { ValueKind: not JsonValueKind.Object })
            throw new RequestValidationException("conf must be a JSON object of configuration items.");

        var heartbeat = OptionalPositiveInteger(root, "heartbeatTimeoutInSecond") ?? 0;
        ValidateMemory(root, "driverMemory");
        ValidateMemory(root, "executorMemory");
        OptionalPositiveInteger(root, "driverCores");
        OptionalPositiveInteger(root, "executorCores");
        OptionalPositiveInteger(root, "numExecutors");

        var customized = SizingFields.Any(f => Field(root, f) is not null);
        return new CreateSessionRequest(kind, target, name, customized ? "CUSTOMIZED" : scType ?? "A", heartbeat);
    }

    private static void ValidateMemory(JsonElement root, string field)
    {
        var value = OptionalString(root, field, field);
        if (value is not null && !MemoryWithUnit().IsMatch(value))
            throw new RequestValidationException($"{field} must be a number with a unit k, m, g or t (for example 2G or 2048M), not '{value}'.");
    }

    private static void ValidateResources(JsonElement parent, string field, string path)
    {
        var items = OptionalArray(parent, field, path) ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items[i].ValueKind != JsonValueKind.Object) throw new RequestValidationException($"{itemPath} must be an object with name and type.");
            RequiredString(items[i], "name", itemPath + ".name");
            RequiredString(items[i], "type", itemPath + ".type");
        }
    }

    private static void ValidateGroups(JsonElement root)
    {
        var groups = OptionalArray(root, "groups", "groups") ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            var groupPath = $"groups[{i}]";
            if (groups[i].ValueKind != JsonValueKind.Object) throw new RequestValidationException($"{groupPath} must be an object with name and resources.");
            RequiredString(groups[i], "name", groupPath + ".name");
            ValidateResources(groups[i], "resources", groupPath + ".resources");
        }
    }
}
