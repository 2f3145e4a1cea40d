using System.Text;
using DliSession.Client.Errors;
using DliSession.Client.Json;

namespace DliSession.Client.Tests.Json;

/// <summary>How a body that is not the expected object is classified: the ErrorId must name the real problem.</summary>
public sealed class ResponseParserTests
{
    [Theory]
    [InlineData("", DliResponseException.Empty)]
    [InlineData(" \r\n\t", DliResponseException.Empty)]
    [InlineData("<html>busy</html>", DliResponseException.NotJson)]
    [InlineData("Service Unavailable", DliResponseException.NotJson)]
    [InlineData("nul", DliResponseException.NotJson)]
    [InlineData("null", DliResponseException.WrongShape)]
    [InlineData("42", DliResponseException.WrongShape)]
    [InlineData("\"ok\"", DliResponseException.WrongShape)]
    [InlineData("[1,2]", DliResponseException.WrongShape)]
    [InlineData("""{"id":"a"} trailing""", DliResponseException.WrongShape)]
    [InlineData("""{"id":"a","state":""", DliResponseException.Truncated)]
    [InlineData("""{"id":"a","log":["x",""", DliResponseException.Truncated)]
    [InlineData("""{"id":"a","state":"idle""", DliResponseException.Truncated)]
    public void Each_kind_of_bad_body_gets_its_own_id(string body, string errorId)
    {
        var failure = Assert.Throws<DliResponseException>(() =>
            ResponseParser.Parse(Encoding.UTF8.GetBytes(body), DliJsonContext.Default.SessionWire, "a session"));

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Contains("a session", failure.Message);
    }

    [Fact]
    public void A_long_body_is_quoted_on_one_line_and_cut_short()
    {
        var failure = Assert.Throws<DliResponseException>(() =>
            ResponseParser.Parse(Encoding.UTF8.GetBytes("<html>\n" + new string('x', 1000)), DliJsonContext.Default.SessionWire, "a session"));

        Assert.EndsWith("<html> " + new string('x', 73) + "…", failure.Message);
    }
}
