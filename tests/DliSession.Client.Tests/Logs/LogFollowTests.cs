using System.Collections.Concurrent;
using System.Net.Http.Json;
using DliSession.Client.Errors;
using DliSession.Client.Logs;
using DliSession.Client.Models;
using DliSession.Client.Tests.Support;

namespace DliSession.Client.Tests.Logs;

/// <summary>
/// Following a log against the emulator, over the real pipeline: the lines there are, the lines appended while it
/// follows, and its end when the session or job ends. The pauses run on a fake clock, so each step is exact: the
/// follow has written everything it read once it starts a pause.
/// </summary>
public sealed class LogFollowTests : OneSessionTests
{
    private readonly SteppingClock _clock = new();
    private readonly RecordingLog _log = new();
    private readonly ConcurrentQueue<string> _written = new();

    private DliClient Client() => Emulator.Client(log: _log);

    /// <summary>Follows <paramref name="log"/> on the fake clock, keeping every line written.</summary>
    private Task Follow(LogSource log, LogFollowOptions options, CancellationToken cancellationToken = default) => Task.Run(async () =>
    {
        await foreach (var line in log.Follow(options, _clock).WithCancellation(cancellationToken)) _written.Enqueue(line);
    }, cancellationToken);

    private async Task AppendAsync(string kind, string id, params string[] lines)
    {
        using var control = new HttpClient { BaseAddress = Emulator.BaseUri };
        using var response = await control.PostAsJsonAsync($"/_emulator/{kind}/{id}/log", new { lines });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<string[]> AllLinesAsync(LogSource log) => [.. (await log.ReadLastAsync(10_000, default)).Items];

    /// <summary>Waits until the follow pauses (it has read and written all there is), then ends that pause.</summary>
    private async Task NextLookAsync() => _clock.Advance(await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30)));

    [Fact]
    public async Task Writes_the_lines_there_are_then_each_appended_line_and_ends_with_the_last_lines_once_the_session_ends()
    {
        var log = Client().SessionLog(SessionId);
        var existing = await AllLinesAsync(log);
        var follow = Follow(log, new LogFollowOptions());

        var firstPause = await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(existing, _written);
        Assert.Equal(TimeSpan.FromMilliseconds(250), firstPause);

        await AppendAsync("sessions", SessionId, "new 1", "new 2");
        _clock.Advance(firstPause);
        var secondPause = await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([.. existing, "new 1", "new 2"], _written);

        await Emulator.SetStateAsync(SessionId, SessionStates.Dead);
        _clock.Advance(secondPause);
        await _clock.RunAsync(follow.ContinueWith(_ => true, TaskScheduler.Default));
        await follow;

        Assert.Equal(await AllLinesAsync(log), _written);
        Assert.EndsWith("session state forced to dead", _written.Last());
        Assert.Contains($"Session '{SessionId}' has ended (dead): its log is complete.", _log.Verbose);
    }

    [Fact]
    public async Task A_session_that_has_already_ended_is_written_whole_without_a_pause()
    {
        await Emulator.SetStateAsync(SessionId, SessionStates.Killed);
        var log = Client().SessionLog(SessionId);

        // The fake clock never moves: a pause would never end.
        await Follow(log, new LogFollowOptions()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(await AllLinesAsync(log), _written);
        Assert.NotEmpty(_written);
    }

    [Fact]
    public async Task Last_starts_with_the_last_lines_and_goes_on_with_new_ones()
    {
        var log = Client().SessionLog(SessionId);
        await AppendAsync("sessions", SessionId, "a", "b", "c");
        var follow = Follow(log, new LogFollowOptions { Last = 2 });

        var pause = await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["b", "c"], _written);
        await AppendAsync("sessions", SessionId, "d");
        await Emulator.SetStateAsync(SessionId, SessionStates.Dead);
        _clock.Advance(pause);
        await _clock.RunAsync(follow.ContinueWith(_ => true, TaskScheduler.Default));
        await follow;

        Assert.Equal(["b", "c", "d"], _written.Take(3));
        Assert.EndsWith("session state forced to dead", _written.Last());
        Assert.Equal(4, _written.Count);
    }

    [Fact]
    public async Task From_and_First_pick_where_it_starts_and_how_many_lines_it_writes_waiting_for_them_if_need_be()
    {
        var log = Client().SessionLog(SessionId);
        await AppendAsync("sessions", SessionId, "a", "b");
        var count = (await AllLinesAsync(log)).Length;
        var follow = Follow(log, new LogFollowOptions { From = count - 1, First = 3 });

        var pause = await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(["b"], _written);
        await AppendAsync("sessions", SessionId, "c", "d", "e");
        _clock.Advance(pause);
        await _clock.RunAsync(follow.ContinueWith(_ => true, TaskScheduler.Default));
        await follow;

        Assert.Equal(["b", "c", "d"], _written);
    }

    [Fact]
    public async Task A_session_deleted_while_it_is_followed_ends_the_follow_quietly()
    {
        var client = Client();
        var follow = Follow(client.SessionLog(SessionId), new LogFollowOptions());
        var pause = await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await client.DeleteSessionAsync(SessionId, default);
        _clock.Advance(pause);
        await _clock.RunAsync(follow.ContinueWith(_ => true, TaskScheduler.Default));
        await follow;

        Assert.Contains($"Session '{SessionId}' no longer exists: its log ends here.", _log.Verbose);
    }

    [Fact]
    public async Task A_session_that_does_not_exist_is_an_error_not_an_empty_log()
    {
        var error = await Assert.ThrowsAsync<DliApiException>(() => Follow(Client().SessionLog("nosuch"), new LogFollowOptions()));

        Assert.Equal(DliErrorKind.NotFound, error.Kind);
        Assert.Empty(_written);
    }

    [Fact]
    public async Task Cancelling_ends_a_follow_that_is_pausing()
    {
        using var cancel = new CancellationTokenSource();
        var follow = Follow(Client().SessionLog(SessionId), new LogFollowOptions(), cancel.Token);
        await _clock.NextTimerAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => follow.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_Spark_jobs_log_is_followed_until_the_job_ends()
    {
        var client = Client();
        var job = await client.SubmitSparkJobAsync(new SubmitSparkJobRequest { File = "obs://b/app.jar", ClassName = "Main", Queue = "q" }, default);
        await Emulator.HoldSparkJobAsync(job.Id, SparkJobStates.Running);
        var log = client.SparkJobLog(job.Id, new SparkJobLogQuery());
        var follow = Follow(log, new LogFollowOptions());

        await NextLookAsync();
        await AppendAsync("batches", job.Id, "job line");
        Assert.Equal(SparkJobStates.Dead, await Emulator.FailSparkJobAsync(job.Id, "last words"));
        await _clock.RunAsync(follow.ContinueWith(_ => true, TaskScheduler.Default));
        await follow;

        Assert.Equal(await AllLinesAsync(log), _written);
        Assert.Contains("job line", _written);
        Assert.Contains("last words", _written);
        Assert.Contains($"Spark job '{job.Id}' has ended (dead): its log is complete.", _log.Verbose);
    }
}
