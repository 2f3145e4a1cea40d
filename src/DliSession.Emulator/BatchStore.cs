using System.Globalization;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator;

/// <summary>
/// All batch jobs, in memory. One lock guards the id index and the submission-ordered list together, because LIST
/// pages by offset and must see a consistent pair; each job has its own lock for its timeline and log.
/// </summary>
internal sealed class BatchStore(EmulatorOptions options, TimeProvider clock)
{
    public const string PreCreatedQueue = "emulator_queue";

    /// <summary>Pre-created jobs were submitted a minute apart, the last one a minute before the emulator started.</summary>
    private const long PreCreatedSpacingMs = 60_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, BatchRecord> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<BatchRecord> _inCreationOrder = [];

    /// <summary>Fake YARN application ids share the cluster start time, as real ones do, and count up.</summary>
    private readonly long _clusterStartMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
    private int _applicationSequence;

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public int Count
    {
        get { lock (_gate) return _byId.Count; }
    }

    public BatchRecord Create(CreateBatchRequest request, string owner)
    {
        var job = BatchRecord.Submitted(options, Guid.NewGuid().ToString(), request, owner, NowMs, NextApplicationId());
        lock (_gate) Add(job);
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
        lock (_gate)
        {
            _byId.EnsureCapacity(_byId.Count + count);
            _inCreationOrder.Capacity = Math.Max(_inCreationOrder.Capacity, _inCreationOrder.Count + count);
            for (var i = 1; i <= count; i++)
            {
                var name = "job-" + i.ToString("D6", CultureInfo.InvariantCulture);
                var body = $$"""{"file":"obs://emulator/app.jar","className":"com.example.Main","queue":"{{PreCreatedQueue}}","name":"{{name}}"}""";
                var spec = new CreateBatchRequest(PreCreatedQueue, name, "A", "basic", CreateBatchValidator.DefaultSparkVersion, null,
                    false, CreateBatchValidator.DefaultMaxRetryTimes, body);
                var submitted = now - (count - i + 1) * PreCreatedSpacingMs;
                Add(BatchRecord.Finished(options, Guid.NewGuid().ToString(), spec, "emulator", submitted, NextApplicationId(),
                    runMs: (i % 50 + 1) * 1000L, endState: i % 10 == 0 ? BatchStates.Dead : BatchStates.Success));
            }
        }
    }

    private string NextApplicationId() =>
        string.Create(CultureInfo.InvariantCulture, $"application_{_clusterStartMs}_{Interlocked.Increment(ref _applicationSequence):D4}");

    private void Add(BatchRecord job)
    {
        _byId.Add(job.Id, job);
        _inCreationOrder.Add(job);
    }

    public BatchRecord? Find(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }

    /// <summary>One page of the jobs that match, in the requested order, and how many match in all.</summary>
    public (int Total, IReadOnlyList<BatchRecord> Page) Page(BatchQuery query)
    {
        List<BatchRecord> all;
        lock (_gate)
        {
            if (!query.Filters && query.Order is null)
            {
                var start = Math.Min(query.From, _inCreationOrder.Count);
                return (_inCreationOrder.Count, _inCreationOrder.GetRange(start, Math.Min(query.Size, _inCreationOrder.Count - start)));
            }
            all = [.. _inCreationOrder];
        }
        var now = NowMs;
        IEnumerable<BatchRecord> matching = all.Where(j => query.Matches(j, now));
        matching = query.Order switch
        {
            BatchQuery.DurationDesc => matching.Select(j => (Job: j, Duration: j.DurationAt(now))).OrderByDescending(p => p.Duration).Select(p => p.Job),
            BatchQuery.DurationAsc => matching.Select(j => (Job: j, Duration: j.DurationAt(now))).OrderBy(p => p.Duration).Select(p => p.Job),
            // Jobs are kept in submission order, which is create_time order with ties in the order they came in.
            BatchQuery.CreateTimeDesc => matching.Reverse(),
            BatchQuery.CreateTimeAsc => matching,
            _ => matching,
        };
        var list = matching.ToList();
        var first = Math.Min(query.From, list.Count);
        return (list.Count, list.GetRange(first, Math.Min(query.Size, list.Count - first)));
    }

    public void Clear()
    {
        lock (_gate)
        {
            _byId.Clear();
            _inCreationOrder.Clear();
        }
    }
}
