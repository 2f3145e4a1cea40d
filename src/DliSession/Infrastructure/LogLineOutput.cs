using System.Management.Automation;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Log lines leave the log cmdlets as strings, so Select-String, -match and Set-Content take them as they are, with a
/// note property naming the session or job they came from. When lines of more than one source can mix, they also
/// carry a type name whose view shows that source in front of each line.
/// </summary>
internal sealed class LogLineOutput(string sourceProperty, bool showSource)
{
    /// <summary>The type name the format view for lines of several sources is selected by.</summary>
    public const string MixedSourcesTypeName = "DliSession.LogLine";

    public PSObject Line(string line, string sourceId)
    {
        var tagged = new PSObject(line);
        tagged.Properties.Add(new PSNoteProperty(sourceProperty, sourceId));
        if (showSource) tagged.TypeNames.Insert(0, MixedSourcesTypeName);
        return tagged;
    }
}
