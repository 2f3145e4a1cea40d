using System.Text;
using DliSession.Client.Json;
using DliSession.Client.Models;

namespace DliSession.Client.Tests.Json;

/// <summary>
/// Reading what the service documents, and what it really sends where the two disagree: null or "", appInfo as an
/// object or an array, statement ids as numbers or strings, state and output as a value or an array.
/// </summary>
public sealed class ResponseReadingTests
{
    private static SparkSession Session(string json) =>
        WireMapper.ToSession(ResponseParser.Parse(Encoding.UTF8.GetBytes(json), DliJsonContext.Default.SessionWire, "a session"), DocumentedExamples.Context);

    private static SparkStatement Statement(string json) =>
        WireMapper.ToStatement(ResponseParser.Parse(Encoding.UTF8.GetBytes(json), DliJsonContext.Default.StatementWire, "a statement"), "s1", DocumentedExamples.Context);

    [Theory]
    [InlineData(DocumentedExamples.SessionWithNulls)]
    [InlineData(DocumentedExamples.SessionWithEmptyStrings)]
    public void Both_create_answers_read_the_same_with_absent_values_as_null(string json)
    {
        var session = Session(json);

        Assert.Equal("f28a0d0c-0a37-4bd4-8d1d-1416031e5151", session.Id);
        Assert.Equal(SessionStates.Starting, session.State);
        Assert.Null(session.AppId);
        Assert.Null(session.Name);
        Assert.Null(session.Owner);
        Assert.Null(session.ProxyUser);
        Assert.Equal("spark", session.Kind);
        Assert.Equal(["stdout: ", "\nstderr: ", "\nYARN Diagnostics: "], session.Log);
        Assert.Equal("A", session.ScType);
        Assert.Equal("test_cluster", session.ClusterName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1531906043036), session.CreateTime);
        Assert.Null(session.UpdateTime);
        Assert.Same(DocumentedExamples.Context, session.Context);
    }

    [Fact]
    public void The_recommended_answer_adds_the_queue_and_the_app_info_object()
    {
        var session = Session(DocumentedExamples.SessionWithEmptyStrings);

        Assert.Equal("test_queue", session.Queue);
        Assert.Equal("test_queue", session.Target);
        Assert.Equal(new Dictionary<string, string?> { ["driverLogUrl"] = null, ["sparkUiUrl"] = null }, session.AppInfo);
    }

    [Theory]
    [InlineData("""[{"driverLogUrl":"http://d"},{"other":"x"}]""", "http://d")]
    [InlineData("""{"driverLogUrl":"http://d","retries":3}""", "http://d")]
    [InlineData("[]", null)]
    public void App_info_is_read_as_an_object_or_the_first_of_an_array(string appInfo, string? driverLogUrl)
    {
        var session = Session($$"""{"id":"a","state":"idle","appInfo":{{appInfo}}}""");
        Assert.Equal(driverLogUrl, session.AppInfo?.GetValueOrDefault("driverLogUrl"));
    }

    [Fact]
    public void Fields_the_module_does_not_know_are_ignored()
    {
        var session = Session("""{"id":"a","state":"idle","future":{"nested":[1,2]},"is_success":true}""");
        Assert.Equal("a", session.Id);
    }

    [Fact]
    public void The_list_envelope_reads_from_total_and_each_session()
    {
        var list = ResponseParser.Parse(Encoding.UTF8.GetBytes(DocumentedExamples.SessionList), DliJsonContext.Default.SessionListWire, "a session list");

        Assert.Equal(0, list.From);
        Assert.Equal(1, list.Total);
        var session = WireMapper.ToSession(Assert.Single(list.Sessions!), DocumentedExamples.Context);
        Assert.Equal("application_1521602145695_0044", session.AppId);
        Assert.Equal(SessionStates.Idle, session.State);
        Assert.Equal("http://u", session.AppInfo!["sparkUiUrl"]);
    }

    [Fact]
    public void State_log_and_delete_answers_read_their_fields()
    {
        var state = ResponseParser.Parse(Encoding.UTF8.GetBytes(DocumentedExamples.SessionState), DliJsonContext.Default.SessionStateWire, "a state");
        Assert.Equal("starting", state.State);

        var log = ResponseParser.Parse(Encoding.UTF8.GetBytes(DocumentedExamples.SessionLog), DliJsonContext.Default.SessionLogWire, "a log");
        Assert.Equal((0, 3, 3), (log.From, log.Total, log.Log!.Length));

        var deleted = ResponseParser.Parse(Encoding.UTF8.GetBytes(DocumentedExamples.Deleted), DliJsonContext.Default.MessageWire, "a confirmation");
        Assert.Equal("deleted", deleted.Message);
    }

    [Fact]
    public void The_documented_statement_reads_with_no_output_yet()
    {
        var statement = Statement(DocumentedExamples.Statement);

        Assert.Equal(2, statement.Id);
        Assert.Equal("val a =0 ", statement.Code);
        Assert.Equal(StatementStates.Waiting, statement.State);
        Assert.Null(statement.Output);
        Assert.False(statement.IsFinished);
    }

    [Theory]
    [InlineData("""{"id":"7","state":["running","x"]}""", 7, "running")]
    [InlineData("""{"id":7,"state":"running"}""", 7, "running")]
    public void A_statement_id_may_be_a_numeric_string_and_its_state_an_array(string json, int id, string state)
    {
        var statement = Statement(json);
        Assert.Equal((id, state), (statement.Id, statement.State));
    }

    [Theory]
    [InlineData("""{"status":"ok","execution_count":0,"data":{"text/plain":"a: Int = 0"}}""")]
    [InlineData("""[{"status":"ok","execution_count":0,"data":{"text/plain":"a: Int = 0"}}]""")]
    public void A_statement_output_may_be_an_object_or_an_array_of_one(string output)
    {
        var statement = Statement($$"""{"id":0,"state":"available","output":{{output}},"progress":1}""");

        Assert.Equal("a: Int = 0", statement.Output!.Text);
        Assert.Equal(0, statement.Output.ExecutionCount);
        Assert.False(statement.Output.IsError);
        Assert.Equal(1.0, statement.Progress);
    }

    [Fact]
    public void The_statement_list_reads_each_statement()
    {
        var list = ResponseParser.Parse(Encoding.UTF8.GetBytes(DocumentedExamples.StatementList), DliJsonContext.Default.StatementListWire, "a statement list");

        Assert.Equal(1, list.TotalStatements);
        Assert.Equal("a: Int = 0", WireMapper.ToStatement(Assert.Single(list.Statements!), "s1", DocumentedExamples.Context).Output!.Text);
    }
}
