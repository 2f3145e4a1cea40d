using System.Net;
using System.Text;
using DliSession.Client.Errors;

namespace DliSession.Client.Tests.Errors;

/// <summary>Error answers of every kind seen in the field, to the stable ErrorId and kind scripts and cmdlets act on.</summary>
public sealed class ErrorMappingTests
{
    private static DliApiException Map(int status, string body, string? requestId = null, string? reason = null)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { ReasonPhrase = reason };
        if (requestId is not null) response.Headers.Add("X-Request-Id", requestId);
        return ErrorResponse.From(response, Encoding.UTF8.GetBytes(body), "GET", "/v2.0/p/sessions/s1");
    }

    [Theory]
    [InlineData(400, "DLI.0001", "DLI.0001", DliErrorKind.InvalidArgument)]
    [InlineData(400, "DLI.0002", "DLI.0002", DliErrorKind.NotFound)]
    [InlineData(404, "DLI.0023", "DLI.0023", DliErrorKind.NotFound)]
    [InlineData(401, "DLI.0013", "DLI.0013", DliErrorKind.Authentication)]
    [InlineData(400, "DLI.0015", "DLI.0015", DliErrorKind.Authentication)]
    [InlineData(400, "DLI.0003", "DLI.0003", DliErrorKind.PermissionDenied)]
    [InlineData(400, "DLI.0006", "DLI.0006", DliErrorKind.Conflict)]
    [InlineData(400, "DLI.1028", "DLI.1028", DliErrorKind.Throttled)]
    [InlineData(400, "DLI.0999", "DLI.0999", DliErrorKind.ServiceUnavailable)]
    [InlineData(403, "APIGW.0101", "APIGW.0101", DliErrorKind.PermissionDenied)]
    [InlineData(401, "", "DliHttp401", DliErrorKind.Authentication)]
    [InlineData(403, null, "DliHttp403", DliErrorKind.PermissionDenied)]
    [InlineData(404, null, "DliHttp404", DliErrorKind.NotFound)]
    [InlineData(409, null, "DliHttp409", DliErrorKind.Conflict)]
    [InlineData(429, null, "DliHttp429", DliErrorKind.Throttled)]
    [InlineData(500, null, "DliHttp500", DliErrorKind.ServiceUnavailable)]
    [InlineData(502, null, "DliHttp502", DliErrorKind.ServiceUnavailable)]
    [InlineData(503, null, "DliHttp503", DliErrorKind.ServiceUnavailable)]
    [InlineData(504, null, "DliHttp504", DliErrorKind.Timeout)]
    public void The_DLI_code_decides_before_the_status(int status, string? code, string errorId, DliErrorKind kind)
    {
        var body = code is null ? "" : $$"""{"error_code":"{{code}}","error_msg":"what went wrong"}""";

        var failure = Map(status, body);

        Assert.Equal(errorId, failure.ErrorId);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
    }

    [Fact]
    public void A_DLI_error_names_the_request_the_code_the_message_and_the_request_id()
    {
        var failure = Map(400, """{"error_code":"DLI.0002","error_msg":"There is no queue named testqueue"}""", requestId: "req-42");

        Assert.Equal("DLI answered GET /v2.0/p/sessions/s1 with 400 DLI.0002: There is no queue named testqueue (request id req-42)", failure.Message);
        Assert.Equal("req-42", failure.RequestId);
        Assert.Equal("There is no queue named testqueue", failure.ErrorMessage);
    }

    [Fact]
    public void A_Livy_msg_body_gives_the_message_and_the_status_the_id()
    {
        var failure = Map(404, """{"msg":"Session '5' not found."}""");

        Assert.Equal("DliHttp404", failure.ErrorId);
        Assert.Null(failure.ErrorCode);
        Assert.EndsWith("with 404: Session '5' not found.", failure.Message);
    }

    [Fact]
    public void An_empty_error_msg_falls_back_to_the_Livy_msg_then_the_status()
    {
        Assert.EndsWith("with 400 DLI.0001: bad queue", Map(400, """{"error_code":"DLI.0001","error_msg":"","msg":"bad queue"}""").Message);
        Assert.EndsWith("with 400 DLI.0001: BadRequest", Map(400, """{"error_code":"DLI.0001","error_msg":" "}""").Message);
    }

    [Fact]
    public void A_gateway_HTML_page_is_quoted_briefly_on_one_line()
    {
        var html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + new string('x', 500) + "</body></html>";

        var failure = Map(502, html, reason: "Bad Gateway");

        Assert.Equal("DliHttp502", failure.ErrorId);
        Assert.Contains("with 502: Bad Gateway; the body is not JSON and begins: <html> <head><title>502 Bad Gateway</title></head>", failure.Message);
        Assert.DoesNotContain("\n", failure.Message);
        Assert.True(failure.Message.Length < 250, failure.Message);
    }

    [Fact]
    public void JSON_that_is_not_an_error_object_is_quoted_without_calling_it_not_JSON()
    {
        var failure = Map(500, """{"error_code":5}""", reason: "Internal Server Error");

        Assert.Equal("DliHttp500", failure.ErrorId);
        Assert.Contains("the body is not DLI's error JSON and begins: {\"error_code\":5}", failure.Message);
    }

    [Fact]
    public void An_empty_body_leaves_the_status_to_explain()
    {
        var failure = Map(503, "", requestId: "r1");
        Assert.Equal("DLI answered GET /v2.0/p/sessions/s1 with 503: ServiceUnavailable (request id r1)", failure.Message);
    }
}
