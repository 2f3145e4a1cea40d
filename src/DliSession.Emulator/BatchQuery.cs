namespace DliSession.Emulator;

/// <summary>The list filters and paging of dli-batch-api §5.1, parsed; a null filter matches every job.</summary>
/// <param name="Start">Jobs submitted at or after this Unix time in ms.</param>
/// <param name="End">Jobs submitted at or before this Unix time in ms.</param>
/// <param name="Order">One of <see cref="BatchQuery.Orders"/>; null keeps submission order, as Livy lists.</param>
internal sealed record BatchQuery(
    string? JobName, string? QueueName, string? ClusterName, string? Owner, string? State, string? JobId,
    long? Start, long? End, string? Order, int From, int Size)
{
    public const string DurationDesc = "DURATION_DESC", DurationAsc = "DURATION_ASC",
        CreateTimeDesc = "CREATE_TIME_DESC", CreateTimeAsc = "CREATE_TIME_ASC";

    public static readonly IReadOnlyList<string> Orders = [DurationDesc, DurationAsc, CreateTimeDesc, CreateTimeAsc];

    public bool Filters => JobName is not null || QueueName is not null || ClusterName is not null || Owner is not null
        || State is not null || JobId is not null || Start is not null || End is not null;

    /// <summary>Whether the job passes every filter; the state is read at <paramref name="nowMs"/>.</summary>
    public bool Matches(BatchRecord job, long nowMs) =>
        (JobName is null || job.Spec.Name == JobName)
        && (QueueName is null || job.Spec.Target == QueueName)
        && (ClusterName is null || job.Spec.Target == ClusterName)
        && (Owner is null || job.Owner == Owner)
        && (JobId is null || job.Id == JobId)
        && (Start is null || job.CreateTimeMs >= Start)
        && (End is null || job.CreateTimeMs <= End)
        && (State is null || job.StateAt(nowMs) == State);
}
