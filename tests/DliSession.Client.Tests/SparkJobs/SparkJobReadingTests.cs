using System.Text;
using DliSession.Client.Errors;
using DliSession.Client.Json;
using DliSession.Client.Models;
using DliSession.Client.Tests.Json;

namespace DliSession.Client.Tests.SparkJobs;

/// <summary>
/// Reading the Spark job answers in every documented shape, and in each variant where the sources disagree:
/// <c>appId</c> as a string, null or an array, the log's <c>from</c> as a number or a string, times as numbers or
/// strings, <c>req_body</c> as a JSON text or an object, a state of any case, the list under <c>sessions</c>.
/// </summary>
public sealed class SparkJobReadingTests
{
    private const string JobId = "07a3e4e6-9a28-4e92-8d3f-9c538621a166";

    /// <summary>The create answer of the documentation: appId "", no duration or req_body yet.</summary>
    private const string Created = """
        {"id":"07a3e4e6-9a28-4e92-8d3f-9c538621a166","appId":"","name":"","owner":"test1","proxyUser":"","state":"starting",
         "kind":"","log":[],"sc_type":"CUSTOMIZED","cluster_name":"aaa","queue":"aaa","create_time":1607589874156,
         "update_time":1607589874156}
        """;

    /// <summary>A get answer with the create request as a JSON text, feature and version.</summary>
    private const string Detail = """
        {"id":"07a3e4e6-9a28-4e92-8d3f-9c538621a166","appId":"application_1","name":"nightly","owner":"u","state":"success",
         "sc_type":"A","queue":"q","create_time":1607589874156,"update_time":1607589894156,"feature":"basic","spark_version":"2.3.2",
         "image":"","log":["stdout: ","done"],
         "req_body":"{\"file\":\"obs://b/app.jar\",\"className\":\"com.example.Main\",\"driverCores\":2,\"auto_recovery\":true,\"conf\":{\"spark.x\":\"1\"},\"args\":[\"a\",\"b\"]}"}
        """;

    private static SparkJob Job(string json) =>
        WireMapper.ToSparkJob(ResponseParser.Parse(Encoding.UTF8.GetBytes(json), DliJsonContext.Default.SparkJobWire, "a Spark job"),
            DocumentedExamples.Context);

    [Fact]
    public void The_create_answer_reads_with_empty_strings_as_absent()
    {
        var job = Job(Created);

        Assert.Equal(JobId, job.Id);
        Assert.Equal(JobId, job.JobId);
        Assert.Equal(SparkJobStates.Starting, job.State);
        Assert.Null(job.AppId);
        Assert.Empty(job.AppIds);
        Assert.Null(job.Name);
        Assert.Equal("test1", job.Owner);
        Assert.Null(job.ProxyUser);
        Assert.Null(job.Kind);
        Assert.Equal("CUSTOMIZED", job.ScType);
        Assert.Equal("aaa", job.Queue);
        Assert.Equal("aaa", job.ClusterName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1607589874156), job.CreateTime);
        Assert.Null(job.Duration);
        Assert.Null(job.RequestBody);
        Assert.False(job.IsTerminal);
        Assert.Same(DocumentedExamples.Context, job.Context);
    }

    [Fact]
    public void The_get_answer_reads_the_request_body_text_as_a_dictionary_of_plain_values()
    {
        var job = Job(Detail);

        Assert.Equal("application_1", job.AppId);
        Assert.Equal("basic", job.Feature);
        Assert.Equal("2.3.2", job.SparkVersion);
        Assert.Null(job.Image);
        Assert.True(job.IsTerminal);
        Assert.StartsWith("{\"file\":\"obs://b/app.jar\"", job.RequestBodyJson);
        var body = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(job.RequestBody);
        Assert.Equal("com.example.Main", body["className"]);
        Assert.Equal("com.example.Main", body["CLASSNAME"]);
        Assert.Equal(2L, body["driverCores"]);
        Assert.Equal(true, body["auto_recovery"]);
        Assert.Equal(new object?[] { "a", "b" }, body["args"]);
        Assert.Equal("1", Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(body["conf"])["spark.x"]);
    }

    [Fact]
    public void A_request_body_sent_as_an_object_reads_the_same()
    {
        var job = Job("""{"id":"j","state":"running","req_body":{"file":"f","className":"c"}}""");

        Assert.Equal("c", job.RequestBody!["className"]);
        Assert.Equal("""{"file":"f","className":"c"}""", job.RequestBodyJson);
    }

    [Theory]
    [InlineData("\"not json {\"")]
    [InlineData("\"[1,2]\"")]
    [InlineData("42")]
    public void A_request_body_that_is_not_a_JSON_object_costs_nothing_but_its_reading(string reqBody)
    {
        var job = Job($$"""{"id":"j","state":"running","req_body":{{reqBody}}}""");

        Assert.Equal("j", job.Id);
        Assert.Null(job.RequestBody);
    }

    [Theory]
    [InlineData("\"application_9\"", new[] { "application_9" })]
    [InlineData("null", new string[0])]
    [InlineData("\"\"", new string[0])]
    [InlineData("""["application_1","application_2"]""", new[] { "application_1", "application_2" })]
    [InlineData("[]", new string[0])]
    public void App_id_reads_from_a_string_null_or_an_array(string appId, string[] expected)
    {
        var job = Job($$"""{"id":"j","state":"running","appId":{{appId}}}""");

        Assert.Equal(expected, job.AppIds);
        Assert.Equal(expected.FirstOrDefault(), job.AppId);
    }

    [Theory]
    [InlineData("1607589874156")]
    [InlineData("\"1607589874156\"")]
    public void Times_and_duration_read_from_numbers_or_numeric_strings(string createTime)
    {
        var job = Job($$"""{"id":"j","state":"success","create_time":{{createTime}},"duration":"93000"}""");

        Assert.Equal(new DateTime(2020, 12, 10, 8, 44, 34, 156, DateTimeKind.Utc), job.CreateTime!.Value.UtcDateTime);
        Assert.Equal(TimeSpan.FromSeconds(93), job.Duration);
    }

    [Theory]
    [InlineData("Success", true)]
    [InlineData("DEAD", true)]
    [InlineData("running", false)]
    [InlineData("recovering", false)]
    public void States_are_kept_as_sent_and_compared_without_case(string state, bool terminal)
    {
        var job = Job($$"""{"id":"j","state":"{{state}}"}""");

        Assert.Equal(state, job.State);
        Assert.Equal(terminal, job.IsTerminal);
    }

    [Theory]
    [InlineData("""{"state":"running"}""", "it has no id")]
    [InlineData("""{"id":"j"}""", "it has no state")]
    [InlineData("""{"id":"j","state":"running","create_time":"yesterday"}""", "create_time")]
    [InlineData("""{"id":"j","state":"running","appId":{"a":1}}""", "appId")]
    public void A_job_without_what_identifies_it_or_with_a_wrong_type_is_a_clear_error(string json, string said)
    {
        var error = Assert.Throws<DliResponseException>(() => Job(json));

        Assert.Equal(DliResponseException.WrongShape, error.ErrorId);
        Assert.Contains(said, error.Message);
    }
}
