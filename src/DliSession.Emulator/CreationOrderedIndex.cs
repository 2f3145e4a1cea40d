namespace DliSession.Emulator;

/// <summary>
/// Records by id and in creation order, in memory. One lock guards the id index and the creation-ordered list
/// together, because LIST pages by offset in creation order and must see a consistent pair; each record has its own
/// lock for its contents.
/// </summary>
internal sealed class CreationOrderedIndex<T>(Func<T, string> idOf) where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly List<T> _inCreationOrder = [];

    public int Count
    {
        get { lock (_gate) return _byId.Count; }
    }

    public void Add(T record)
    {
        lock (_gate) AddLocked(record);
    }

    /// <summary>Adds <paramref name="count"/> records made by <paramref name="create"/> (given 1 to count) in one
    /// go, with room made first, so pre-creating 100000 records takes well under a second.</summary>
    public void AddMany(int count, Func<int, T> create)
    {
        lock (_gate)
        {
            _byId.EnsureCapacity(_byId.Count + count);
            _inCreationOrder.Capacity = Math.Max(_inCreationOrder.Capacity, _inCreationOrder.Count + count);
            for (var i = 1; i <= count; i++) AddLocked(create(i));
        }
    }

    private void AddLocked(T record)
    {
        _byId.Add(idOf(record), record);
        _inCreationOrder.Add(record);
    }

    public T? Find(string id)
    {
        lock (_gate) return _byId.GetValueOrDefault(id);
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_byId.Remove(id, out var record)) return false;
            _inCreationOrder.Remove(record);
            return true;
        }
    }

    /// <summary>One page of the records that pass <paramref name="filter"/> (all when null), in creation order, and
    /// how many pass in all.</summary>
    public (int Total, IReadOnlyList<T> Page) Page(Func<T, bool>? filter, int from, int size)
    {
        lock (_gate)
        {
            if (filter is null)
            {
                var start = Math.Min(from, _inCreationOrder.Count);
                return (_inCreationOrder.Count, _inCreationOrder.GetRange(start, Math.Min(size, _inCreationOrder.Count - start)));
            }
            var total = 0;
            var page = new List<T>();
            foreach (var record in _inCreationOrder)
            {
                if (!filter(record)) continue;
                if (total >= from && page.Count < size) page.Add(record);
                total++;
            }
            return (total, page);
        }
    }

    /// <summary>Every record, in creation order, copied so the caller can sort it without the lock.</summary>
    public List<T> Snapshot()
    {
        lock (_gate) return [.. _inCreationOrder];
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
