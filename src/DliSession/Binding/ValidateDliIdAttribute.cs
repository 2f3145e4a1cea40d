using System.Management.Automation;
using DliSession.Client.Safety;

namespace DliSession.Commands.Binding;

/// <summary>
/// Refuses, at binding, an id that would change a request's path (empty, <c>.</c>, <c>..</c>, a slash, <c>%</c>, a
/// control character), so the error names the parameter and nothing is sent. It is the rule the core applies to
/// every path it builds (<see cref="PathSegment"/>), here in the user's words.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateDliIdAttribute : ValidateEnumeratedArgumentsAttribute
{
    protected override void ValidateElement(object element)
    {
        var text = (element is PSObject wrapped ? wrapped.BaseObject : element)?.ToString();
        if (PathSegment.Problem(text) is { } problem)
            throw new ValidationMetadataException($"{PathSegment.Quoted(text)} cannot be part of a request URL: {problem}.");
    }
}
