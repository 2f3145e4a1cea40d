using DliSession.Client.Waiting;

namespace DliSession.Client.Tests.Waiting;

public sealed class PollScheduleTests
{
    [Fact]
    public void Starts_at_a_quarter_second_and_doubles_up_to_the_steady_interval()
    {
        var schedule = new PollSchedule(TimeSpan.FromSeconds(2));
        var pauses = Enumerable.Range(0, 6).Select(_ => schedule.Next().TotalMilliseconds).ToArray();
        Assert.Equal([250, 500, 1000, 2000, 2000, 2000], pauses);
    }

    [Fact]
    public void Never_waits_longer_than_a_short_steady_interval()
    {
        var schedule = new PollSchedule(TimeSpan.FromMilliseconds(100));
        Assert.All(Enumerable.Range(0, 4).Select(_ => schedule.Next()), p => Assert.Equal(TimeSpan.FromMilliseconds(100), p));
    }
}
