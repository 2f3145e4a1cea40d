using System.Net;
using System.Net.Http.Headers;
using DliSession.Client.Http;

namespace DliSession.Client.Tests.Http;

/// <summary>The retry rules on their own: which method and failure earn another attempt, and how long the wait is.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("GET", 429, true)]
    [InlineData("GET", 500, true)]
    [InlineData("GET", 502, true)]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 504, true)]
    [InlineData("DELETE", 503, true)]
    [InlineData("GET", 501, false)]
    [InlineData("GET", 400, false)]
    [InlineData("GET", 404, false)]
    [InlineData("POST", 429, true)]
    [InlineData("POST", 500, false)]
    [InlineData("POST", 503, false)]
    [InlineData("POST", 504, false)]
    public void Statuses_are_retried_by_method(string method, int status, bool retried) =>
        Assert.Equal(retried, RetryPolicy.ShouldRetry(new HttpMethod(method), (HttpStatusCode)status));

    [Theory]
    [InlineData("GET", HttpRequestError.ResponseEnded, true)]
    [InlineData("GET", HttpRequestError.ConnectionError, true)]
    [InlineData("POST", HttpRequestError.ConnectionError, true)]
    [InlineData("POST", HttpRequestError.ResponseEnded, false)]
    [InlineData("POST", HttpRequestError.Unknown, false)]
    public void Transport_failures_are_retried_for_a_POST_only_when_nothing_was_sent(string method, HttpRequestError error, bool retried)
    {
        Assert.Equal(retried, RetryPolicy.ShouldRetry(new HttpMethod(method), new HttpRequestException(error, "failed")));
        Assert.Equal(method != "POST", RetryPolicy.ShouldRetryTimeout(new HttpMethod(method)));
    }

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue? retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };

    [Fact]
    public void Retry_After_in_seconds_is_waited_as_given()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(1, response, Cap, Now, new Random(1)));
    }

    [Fact]
    public void Retry_After_as_an_HTTP_date_is_waited_until_then_by_the_given_clock()
    {
        using var response = Throttled(new RetryConditionHeaderValue(Now.AddSeconds(7)));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.Delay(1, response, Cap, Now, new Random(1)));

        using var past = Throttled(new RetryConditionHeaderValue(Now.AddSeconds(-7)));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.Delay(1, past, Cap, Now, new Random(1)));
    }

    [Fact]
    public void Retry_After_beyond_the_cap_is_cut_to_the_cap()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromHours(1)));
        Assert.Equal(Cap, RetryPolicy.Delay(1, response, Cap, Now, new Random(1)));
    }

    [Theory]
    [InlineData(1, 125, 250)]
    [InlineData(2, 250, 500)]
    [InlineData(3, 500, 1000)]
    [InlineData(4, 1000, 2000)]
    public void Without_Retry_After_the_wait_doubles_with_jitter_between_half_and_all_of_it(int attempt, int lowMs, int highMs)
    {
        var random = new Random(7);
        var delays = Enumerable.Range(0, 200).Select(_ => RetryPolicy.Delay(attempt, null, Cap, Now, random)).ToArray();

        Assert.All(delays, d => Assert.InRange(d.TotalMilliseconds, lowMs, highMs));
        Assert.True(delays.Distinct().Count() > 100, "the waits of many clients must not line up");
    }

    [Fact]
    public void Backoff_never_exceeds_the_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.Delay(20, null, TimeSpan.FromSeconds(1), Now, new Random(1)));
    }
}
