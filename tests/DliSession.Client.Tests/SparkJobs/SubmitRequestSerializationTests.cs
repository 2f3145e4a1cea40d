using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DliSession.Client.Json;
using DliSession.Client.Models;

namespace DliSession.Client.Tests.SparkJobs;

/// <summary>
/// The create body of a Spark job key by key: Huawei's SDKs send Livy's camelCase for some fields and DLI's
/// snake_case for others, and the service reads names exactly, so each key is checked under its SDK spelling.
/// </summary>
public sealed class SubmitRequestSerializationTests
{
    private static string Serialize(SubmitSparkJobRequest request) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(request, DliJsonContext.Default.SubmitSparkJobRequest));

    private static SubmitSparkJobRequest Everything() => new()
    {
        File = "obs://bucket/app.jar",
        ClassName = "com.example.Main",
        Queue = "q",
        Args = ["--day", "2026-11-29"],
        ScType = "B",
        Jars = ["obs://bucket/dep.jar"],
        PyFiles = ["obs://bucket/dep.py"],
        Files = ["obs://bucket/data.csv"],
        Modules = ["sys.datasource.rds"],
        Resources = [new SessionResource { Name = "group/pkg.jar", Type = "jar" }],
        Groups = [new SessionResourceGroup { Name = "group", Resources = [new SessionResource { Name = "inner.jar", Type = "jar" }] }],
        Conf = new() { ["spark.sql.shuffle.partitions"] = "200" },
        Name = "nightly",
        DriverMemory = "2g",
        DriverCores = 1,
        ExecutorMemory = "4g",
        ExecutorCores = 2,
        NumExecutors = 3,
        Feature = "custom",
        SparkVersion = "3.3.1",
        AutoRecovery = true,
        MaxRetryTimes = 5,
        Image = "org/image:1",
        ExecutionAgencyUrn = "dli_agency",
        ObsBucket = "bucket",
        CatalogName = "dli",
    };

    [Fact]
    public void Only_file_and_class_name_go_out_when_nothing_else_is_set()
    {
        Assert.Equal("""{"file":"obs://b/app.jar","className":"com.example.Main"}""",
            Serialize(new SubmitSparkJobRequest { File = "obs://b/app.jar", ClassName = "com.example.Main" }));
    }

    [Theory]
    [InlineData("file", "\"obs://bucket/app.jar\"")]
    [InlineData("className", "\"com.example.Main\"")]
    [InlineData("queue", "\"q\"")]
    [InlineData("args", """["--day","2026-11-29"]""")]
    [InlineData("sc_type", "\"B\"")]
    [InlineData("jars", """["obs://bucket/dep.jar"]""")]
    [InlineData("pyFiles", """["obs://bucket/dep.py"]""")]
    [InlineData("files", """["obs://bucket/data.csv"]""")]
    [InlineData("modules", """["sys.datasource.rds"]""")]
    [InlineData("resources", """[{"name":"group/pkg.jar","type":"jar"}]""")]
    [InlineData("groups", """[{"name":"group","resources":[{"name":"inner.jar","type":"jar"}]}]""")]
    [InlineData("conf", """{"spark.sql.shuffle.partitions":"200"}""")]
    [InlineData("name", "\"nightly\"")]
    [InlineData("driverMemory", "\"2g\"")]
    [InlineData("driverCores", "1")]
    [InlineData("executorMemory", "\"4g\"")]
    [InlineData("executorCores", "2")]
    [InlineData("numExecutors", "3")]
    [InlineData("feature", "\"custom\"")]
    [InlineData("spark_version", "\"3.3.1\"")]
    [InlineData("auto_recovery", "true")]
    [InlineData("max_retry_times", "5")]
    [InlineData("image", "\"org/image:1\"")]
    [InlineData("execution_agency_urn", "\"dli_agency\"")]
    [InlineData("obs_bucket", "\"bucket\"")]
    [InlineData("catalog_name", "\"dli\"")]
    public void Each_field_goes_out_under_its_SDK_name_with_its_JSON_type(string wireName, string json)
    {
        var body = JsonNode.Parse(Serialize(Everything()))!.AsObject();

        Assert.True(body.ContainsKey(wireName), $"{wireName} is missing from {body.ToJsonString()}");
        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), body[wireName]!.ToJsonString());
    }

    [Fact]
    public void Every_key_is_an_SDK_name_and_no_retired_snake_case_spelling_goes_out()
    {
        var keys = JsonNode.Parse(Serialize(Everything()))!.AsObject().Select(p => p.Key).ToArray();

        // 26 of the 27 create fields: queue and cluster_name never go out together.
        Assert.Equal(
            ["file", "className", "args", "sc_type", "jars", "pyFiles", "files", "modules", "resources", "groups", "conf", "name",
             "driverMemory", "driverCores", "executorMemory", "executorCores", "numExecutors", "feature", "spark_version", "queue",
             "auto_recovery", "max_retry_times", "image", "execution_agency_urn", "obs_bucket", "catalog_name"],
            keys);
    }

    [Fact]
    public void The_legacy_cluster_name_goes_out_as_cluster_name_and_false_as_a_boolean()
    {
        var body = JsonNode.Parse(Serialize(new SubmitSparkJobRequest
        {
            File = "f", ClassName = "c", ClusterName = "legacy", AutoRecovery = false, MaxRetryTimes = 0,
        }))!.AsObject();

        Assert.Equal("legacy", (string)body["cluster_name"]!);
        Assert.False(body.ContainsKey("queue"));
        Assert.False((bool)body["auto_recovery"]!);
        Assert.Equal(0, (int)body["max_retry_times"]!);
    }
}
