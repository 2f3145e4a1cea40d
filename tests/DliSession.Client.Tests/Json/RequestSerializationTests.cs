using System.Text;
using System.Text.Json;
using DliSession.Client.Json;
using DliSession.Client.Models;

namespace DliSession.Client.Tests.Json;

/// <summary>The create body byte for byte: the service reads field names exactly and may reject an explicit null.</summary>
public sealed class RequestSerializationTests
{
    private static string Serialize(CreateSessionRequest request) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(request, DliJsonContext.Default.CreateSessionRequest));

    [Fact]
    public void The_documented_create_example_serializes_to_the_documented_bytes()
    {
        var request = new CreateSessionRequest
        {
            ClusterName = "test_cluster",
            ScType = "A",
            Jars = ["group.tesddws/gsjdbc4.jar"],
            Resources = [new SessionResource { Name = "group.tesddws/gsjdbc3.jar", Type = "jar" }],
            Groups = [new SessionResourceGroup { Name = "group.tesddws", Resources = [new SessionResource { Name = "gsjdbc2.jar", Type = "jar" }] }],
        };

        Assert.Equal(DocumentedExamples.CreateRequest, Serialize(request));
    }

    [Fact]
    public void A_request_with_nothing_set_sends_only_the_kind()
    {
        Assert.Equal("""{"kind":"spark"}""", Serialize(new CreateSessionRequest()));
    }

    [Fact]
    public void Every_field_goes_out_under_its_documented_name_and_type()
    {
        var request = new CreateSessionRequest
        {
            Queue = "q", ScType = "B", PyFiles = ["p.py"], Files = ["f.txt"], Modules = ["sys.datasource.rds"],
            Conf = new() { ["spark.x"] = "1" }, Name = "n", HeartbeatTimeoutInSecond = 600, DriverMemory = "2g", DriverCores = 2,
            ExecutorMemory = "4g", ExecutorCores = 3, NumExecutors = 5,
        };

        Assert.Equal(
            """{"kind":"spark","queue":"q","sc_type":"B","pyFiles":["p.py"],"files":["f.txt"],"modules":["sys.datasource.rds"],"conf":{"spark.x":"1"},"name":"n","heartbeatTimeoutInSecond":600,"driverMemory":"2g","driverCores":2,"executorMemory":"4g","executorCores":3,"numExecutors":5}""",
            Serialize(request));
    }

    [Fact]
    public void A_statement_body_is_only_the_code_with_nothing_escaped_that_need_not_be()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new CreateStatementWire { Code = "val a = 0" }, DliJsonContext.Default.CreateStatementWire);
        Assert.Equal("""{"code":"val a = 0"}""", Encoding.UTF8.GetString(body));
    }
}
