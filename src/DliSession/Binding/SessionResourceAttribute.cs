using System.Collections;
using System.Management.Automation;
using DliSession.Client.Models;

namespace DliSession.Commands.Binding;

/// <summary>
/// Lets <c>-Resource</c> and <c>-Group</c> take hashtables or any objects with the right properties
/// (<c>@{ Name = 'x.jar'; Type = 'jar' }</c>), checked at binding so a missing name or type is reported before sending.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SessionResourceAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        PropertyBag.Each(inputData, ToResource);

    private const string ResourceExample = "@{ Name = 'pkg.jar'; Type = 'jar' }";

    internal static SessionResource ToResource(object item) => item switch
    {
        SessionResource resource => resource,
        _ => new SessionResource
        {
            Name = PropertyBag.RequiredText(item, "Name", "resource", ResourceExample),
            Type = PropertyBag.RequiredText(item, "Type", "resource", ResourceExample),
        },
    };
}

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SessionResourceGroupAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        PropertyBag.Each(inputData, item => item switch
        {
            SessionResourceGroup group => group,
            _ => new SessionResourceGroup
            {
                Name = PropertyBag.RequiredText(item, "Name", "group", "@{ Name = 'group.etl'; Resources = @{ Name = 'pkg.jar'; Type = 'jar' } }"),
                Resources = PropertyBag.Value(item, "Resources") is { } resources
                    ? PropertyBag.Items(resources).Select(SessionResourceAttribute.ToResource).ToArray()
                    : null,
            },
        });
}

/// <summary>Reads named values from hashtables and objects alike, case-insensitively, as PowerShell users expect.</summary>
internal static class PropertyBag
{
    public static object? Each<T>(object? inputData, Func<object, T> convert)
    {
        if (inputData is null) return null;
        try
        {
            return Items(inputData).Select(convert).ToArray();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }

    public static IEnumerable<object> Items(object value)
    {
        var unwrapped = Unwrap(value);
        if (unwrapped is IEnumerable list and not string and not IDictionary)
            return list.Cast<object?>().Where(i => i is not null).Select(i => Unwrap(i!));
        return [unwrapped];
    }

    public static object? Value(object item, string name)
    {
        if (item is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
            return null;
        }
        return PSObject.AsPSObject(item).Properties[name]?.Value;
    }

    public static string RequiredText(object item, string name, string what, string example) =>
        Value(item, name) is { } value && Unwrap(value).ToString() is { Length: > 0 } text
            ? text
            : throw new ArgumentException($"Each {what} needs a {name}, for example {example}.");

    private static object Unwrap(object value) => value is PSObject wrapped ? wrapped.BaseObject : value;
}
