using System.Management.Automation;
using DliSession.Client.Models;

namespace DliSession.Commands.Binding;

/// <summary>
/// Binds a memory size in any of the forms people type (<c>2G</c>, <c>2048 MB</c>, PowerShell's <c>2GB</c>) to the
/// form Spark reads, so a size without a unit fails at binding, naming the parameter, before anything is sent.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SparkMemoryAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null) return null;
        try
        {
            return SparkMemory.Normalize(value);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }
}
