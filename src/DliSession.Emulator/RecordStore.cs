namespace DliSession.Emulator;

/// <summary>
/// What the session and batch-job stores share: the records by id and in creation order (see
/// <see cref="CreationOrderedIndex{T}"/>), the clock every answer reads "now" from, and the Spark application ids.
/// </summary>
internal abstract class RecordStore<T>(TimeProvider clock, Func<T, string> idOf) where T : class
{
    protected CreationOrderedIndex<T> Records { get; } = new(idOf);

    protected ApplicationIds ApplicationIds { get; } = new(clock);

    public long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public int Count => Records.Count;

    public virtual void Clear() => Records.Clear();
}
