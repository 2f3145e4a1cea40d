using DliSession.Client.Models;

namespace DliSession.Client.Tests.SparkJobs;

/// <summary>The list's query string: the SDKs' names (job-id with its hyphen), their order, times in epoch milliseconds, values escaped.</summary>
public sealed class ListQueryTests
{
    [Fact]
    public void With_no_filter_only_the_page_goes_out()
    {
        Assert.Equal("?from=0&size=100", DliClient.ListQueryString(SparkJobListQuery.All, 0, 100));
    }

    [Fact]
    public void Every_filter_goes_out_under_its_SDK_name_in_the_SDK_order()
    {
        var query = new SparkJobListQuery
        {
            ClusterName = "c1",
            Until = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_000),
            Name = "nightly job",
            JobId = "07a3e4e6-9a28-4e92-8d3f-9c538621a166",
            Order = SparkJobOrder.DurationAsc,
            Queue = "q&x",
            Since = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000),
            State = "dead",
        };

        Assert.Equal(
            "?cluster_name=c1&end=1700000100000&from=20&job_name=nightly%20job&job-id=07a3e4e6-9a28-4e92-8d3f-9c538621a166" +
            "&order=DURATION_ASC&queue_name=q%26x&size=10&start=1700000000000&state=dead",
            DliClient.ListQueryString(query, 20, 10));
    }

    [Theory]
    [InlineData(SparkJobOrder.CreateTimeDesc, "CREATE_TIME_DESC")]
    [InlineData(SparkJobOrder.CreateTimeAsc, "CREATE_TIME_ASC")]
    [InlineData(SparkJobOrder.DurationDesc, "DURATION_DESC")]
    [InlineData(SparkJobOrder.DurationAsc, "DURATION_ASC")]
    public void Each_order_goes_out_as_the_SDK_enum_value(SparkJobOrder order, string wire)
    {
        Assert.Equal($"?from=0&order={wire}&size=1", DliClient.ListQueryString(new SparkJobListQuery { Order = order }, 0, 1));
    }

    [Fact]
    public void A_local_time_is_sent_as_the_same_instant_in_epoch_milliseconds()
    {
        var instant = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.Contains("start=" + instant.ToUnixTimeMilliseconds(), DliClient.ListQueryString(new SparkJobListQuery { Since = instant }, 0, 1));
    }
}
