using System.Globalization;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>All batch jobs, in memory.</summary>
internal sealed class BatchStore(EmulatorOptions options, TimeProvider clock) : RecordStore<BatchRecord>(clock, j => j.Id)
{
    public const string PreCreatedQueue = "emulator_queue";

    /// <summary>Pre-created jobs were submitted a minute apart, the last one a minute before the emulator started.</summary>
    private const long PreCreatedSpacingMs = 60_000;

    public BatchRecord Create(CreateBatchRequest request, string owner)
    {
        var job = BatchRecord.Submitted(options, Guid.NewGuid().ToString(), request, owner, NowMs, ApplicationIds.Next());
        Records.Add(job);
        return job;
    }

    /// <summary>
    /// Adds <paramref name="count"/> jobs that ended before the emulator started, for paging, filter and load tests:
    /// named job-000001 on, on queue emulator_queue, a minute apart in submission order, running 1 to 50 seconds;
    /// every tenth one is dead, the rest succeeded.
    /// </summary>
    public void PreCreate(int count)
    {
        var now = NowMs;
        Records.AddMany(count, i =>
        {
            var name = "job-" + i.ToString("D6", CultureInfo.InvariantCulture);
            var body = $$"""{"file":"obs://emulator/app.jar","className":"com.example.Main","queue":"{{PreCreatedQueue}}","name":"{{name}}"}""";
            var spec = new CreateBatchRequest(PreCreatedQueue, name, "A", "basic", CreateBatchValidator.DefaultSparkVersion, null,
                false, CreateBatchValidator.DefaultMaxRetryTimes, body);
            return BatchRecord.Finished(options, Guid.NewGuid().ToString(), spec, "emulator", now - (count - i + 1) * PreCreatedSpacingMs,
                ApplicationIds.Next(), runMs: (i % 50 + 1) * 1000L, endState: i % 10 == 0 ? BatchStates.Dead : BatchStates.Success);
        });
    }

    public BatchRecord? Find(string id) => Records.Find(id);

    /// <summary>One page of the jobs that match, in the requested order, and how many match in all.</summary>
    public (int Total, IReadOnlyList<BatchRecord> Page) Page(BatchQuery query)
    {
        var now = NowMs;
        if (query.Order is null) return Records.Page(query.Filters ? j => query.Matches(j, now) : null, query.From, query.Size);
        IEnumerable<BatchRecord> matching = Records.Snapshot().Where(j => query.Matches(j, now));
        matching = query.Order switch
        {
            BatchQuery.DurationDesc => matching.Select(j => (Job: j, Duration: j.DurationAt(now))).OrderByDescending(p => p.Duration).Select(p => p.Job),
            BatchQuery.DurationAsc => matching.Select(j => (Job: j, Duration: j.DurationAt(now))).OrderBy(p => p.Duration).Select(p => p.Job),
            // Jobs are kept in submission order, which is create_time order with ties in the order they came in.
            BatchQuery.CreateTimeDesc => matching.Reverse(),
            _ => matching,
        };
        var list = matching.ToList();
        var first = Math.Min(query.From, list.Count);
        return (list.Count, list.GetRange(first, Math.Min(query.Size, list.Count - first)));
    }
}
