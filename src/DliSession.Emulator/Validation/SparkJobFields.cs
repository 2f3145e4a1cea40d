using System.Text.Json;
using System.Text.RegularExpressions;
using static DliSession.Emulator.Validation.JsonBody;

namespace DliSession.Emulator.Validation;

/// <summary>The Spark fields that the create-session and create-batch bodies share (dependencies, conf, compute
/// type and sizing), with the same rules for both (dli-session-api §2.1 and §7, dli-batch-api §4).</summary>
internal static partial class SparkJobFields
{
    public const int MaxNameLength = 128;
    public const string CustomizedScType = "CUSTOMIZED";
    private static readonly string[] ScTypes = ["A", "B", "C"];
    private static readonly string[] SizingFields = ["driverMemory", "driverCores", "executorMemory", "executorCores", "numExecutors"];

    /// <summary>The documentation's "unit is mandatory": digits then k, m, g or t, with an optional b (2g, 2048M, 2GB).</summary>
    [GeneratedRegex(@"^\d+(k|m|g|t)b?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemoryWithUnit();

    /// <summary>The optional job name: a string of at most <see cref="MaxNameLength"/> characters.</summary>
    public static string? Name(JsonElement root)
    {
        var name = OptionalString(root, "name", "name");
        if (name is { Length: > MaxNameLength }) throw new RequestValidationException($"name must be at most {MaxNameLength} characters.");
        return name;
    }

    /// <summary>sc_type A, B or C (A when absent), reported as CUSTOMIZED when any sizing field overrides it.</summary>
    public static string ScType(JsonElement root)
    {
        var scType = OptionalString(root, "sc_type", "sc_type");
        if (scType is not null && !ScTypes.Contains(scType)) throw new RequestValidationException("sc_type must be A, B or C.");
        return SizingFields.Any(f => Field(root, f) is not null) ? CustomizedScType : scType ?? "A";
    }

    /// <summary>jars, pyFiles, files and modules (string arrays), resources, groups and conf (an object).</summary>
    public static void ValidateDependencies(JsonElement root)
    {
        foreach (var field in (string[])["jars", "pyFiles", "files", "modules"]) OptionalStringArray(root, field);
        ValidateResources(root, "resources", "resources");
        ValidateGroups(root);
        if (Field(root, "conf") is { ValueKind: not JsonValueKind.Object })
            throw new RequestValidationException("conf must be a JSON object of configuration items.");
    }

    public static void ValidateMemory(JsonElement root, string field)
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
