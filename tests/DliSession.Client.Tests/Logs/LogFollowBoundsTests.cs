using DliSession.Client.Errors;
using DliSession.Client.Logs;
using DliSession.Client.Paging;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Logs;

/// <summary>
/// Following a log held in memory, so every request and its time are visible: when it looks, what it does with a
/// log that shrinks or a page from the wrong line, and the last look after the owner ends. Exact, on a fake clock.
/// </summary>
public sealed class LogFollowBoundsTests
{
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(2);
    private readonly SteppingClock _clock = new();
    private readonly RecordingLog _log = new();
    private readonly List<string> _requests = [];
    private readonly List<string> _lines = [];
    private readonly DateTimeOffset _start;
    private string _state = "idle";

    public LogFollowBoundsTests() => _start = _clock.GetUtcNow();

    private double Now => (_clock.GetUtcNow() - _start).TotalSeconds;

    /// <summary>A service holding <see cref="_lines"/>; <paramref name="answer"/> may change a page before it goes out.</summary>
    private LogSource Source(Func<Page<string>, Page<string>>? answer = null, Action? onStateRead = null) => new("Session 's'",
        (from, size, _) =>
        {
            _requests.Add($"log {from} at {Now}");
            var start = Math.Min(from ?? Math.Max(0, _lines.Count - size), _lines.Count);
            var page = new Page<string>(start, _lines.Count, _lines.GetRange(start, Math.Min(size, _lines.Count - start)));
            return Task.FromResult(answer is null ? page : answer(page));
        },
        _ =>
        {
            _requests.Add($"state at {Now}");
            onStateRead?.Invoke();
            return Task.FromResult(_state);
        },
        state => state == "dead", _log);

    private async Task<List<string>> FollowAsync(LogSource source, LogFollowOptions options, CancellationToken cancellationToken = default)
    {
        var written = new List<string>();
        await foreach (var line in source.Follow(options with { Interval = Steady }, _clock).WithCancellation(cancellationToken)) written.Add(line);
        return written;
    }

    [Fact]
    public async Task A_log_with_nothing_new_is_looked_at_after_pauses_that_double_up_to_the_interval_with_one_state_read_each()
    {
        _lines.Add("only");
        using var cancel = new CancellationTokenSource();
        var follow = FollowAsync(Source(onStateRead: () => { if (Now >= 5.75) cancel.Cancel(); }), new LogFollowOptions(), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _clock.RunAsync(follow));

        Assert.Equal(["log 0 at 0", "state at 0", "log 1 at 0.25", "state at 0.25", "log 1 at 0.75", "state at 0.75", "log 1 at 1.75", "state at 1.75",
            "log 1 at 3.75", "state at 3.75", "log 1 at 5.75", "state at 5.75"], _requests);
    }

    [Fact]
    public async Task Once_the_owner_has_ended_one_more_look_reads_the_lines_written_just_before()
    {
        _lines.Add("first");
        // The service writes its last line and ends between the look and the state read.
        var source = Source(onStateRead: () => { _lines.Add("last words"); _state = "dead"; });

        var written = await _clock.RunAsync(FollowAsync(source, new LogFollowOptions()));

        Assert.Equal(["first", "last words"], written);
        Assert.Equal(["log 0 at 0", "state at 0", "log 1 at 0"], _requests);
        Assert.Contains("Session 's' has ended (dead): its log is complete.", _log.Verbose);
    }

    [Fact]
    public async Task A_log_that_shrinks_is_not_read_again_from_the_start_and_is_warned_about_once()
    {
        _lines.AddRange(["a", "b", "c"]);
        var source = Source(onStateRead: () =>
        {
            // The log is cut to one line, then grows past what was read; the last state read ends it.
            if (_requests.Count(r => r.StartsWith("state", StringComparison.Ordinal)) == 1) _lines.RemoveRange(1, 2);
            else if (_lines.Count == 1) _lines.AddRange(["x", "y", "new"]);
            else _state = "dead";
        });

        var written = await _clock.RunAsync(FollowAsync(source, new LogFollowOptions()));

        Assert.Equal(["a", "b", "c", "new"], written);
        Assert.Equal(["Session 's''s log now has 1 lines, fewer than the 3 already read; it is not read again from the start, and only lines past those are written."],
            _log.Warnings);
    }

    [Fact]
    public async Task A_page_that_starts_elsewhere_than_asked_is_an_error_not_lines_written_twice()
    {
        _lines.AddRange(["a", "b"]);
        // A service that ignores "from" and always sends the whole log.
        var source = Source(answer: page => page with { From = 0, Items = _lines.ToArray() });

        var error = await Assert.ThrowsAsync<DliResponseException>(() => _clock.RunAsync(FollowAsync(source, new LogFollowOptions())));

        Assert.Equal(DliResponseException.WrongShape, error.ErrorId);
        Assert.Equal("The service answered a read of Session 's''s log from line 2 with lines from line 0.", error.Message);
    }

    [Fact]
    public async Task Last_writes_no_more_than_the_lines_asked_for_even_when_the_service_sends_more()
    {
        _lines.AddRange(["a", "b", "c", "d"]);
        _state = "dead";
        var source = Source(answer: page => page.From == 3 ? page with { From = 0, Items = _lines.ToArray() } : page);

        var written = await _clock.RunAsync(FollowAsync(source, new LogFollowOptions { Last = 1 }));

        Assert.Equal(["d"], written);
    }
}
