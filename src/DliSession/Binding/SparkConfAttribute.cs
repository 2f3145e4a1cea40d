using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace DliSession.Commands.Binding;

/// <summary>
/// Binds a hashtable of Spark settings to the string map Spark reads: booleans in Spark's spelling (<c>true</c>),
/// numbers invariantly. Anything nested is refused at binding, naming the parameter.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SparkConfAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null or Dictionary<string, string>) return value;
        if (value is not IDictionary settings)
            throw new ArgumentTransformationMetadataException(
                "Spark settings are a hashtable, for example @{ 'spark.sql.shuffle.partitions' = 200 }.");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in settings)
            result[entry.Key.ToString()!] = Text(entry.Key, entry.Value is PSObject item ? item.BaseObject : entry.Value);
        return result;
    }

    private static string Text(object key, object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        string text => text,
        IFormattable number when value.GetType().IsPrimitive || value is decimal => number.ToString(null, CultureInfo.InvariantCulture),
        null => throw new ArgumentTransformationMetadataException($"The Spark setting '{key}' has no value."),
        _ => throw new ArgumentTransformationMetadataException(
            $"The Spark setting '{key}' must be a string, number or boolean, not {value.GetType().Name}."),
    };
}
