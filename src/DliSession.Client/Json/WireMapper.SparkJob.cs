using DliSession.Client.Models;

namespace DliSession.Client.Json;

/// <summary>From the Spark job's wire objects to <see cref="SparkJob"/>, with the session mapping's rules for absent values.</summary>
internal static partial class WireMapper
{
    private const string AJob = "a Spark job";

    public static SparkJob ToSparkJob(SparkJobWire? wire, DliContext context)
    {
        if (wire is null) throw Shape(AJob, "the job is null");
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
            RequestBodyJson = Text(wire.RequestBody),
            ProjectId = context.ProjectId,
            Endpoint = context.Endpoint,
            Context = context,
        };
    }
}
