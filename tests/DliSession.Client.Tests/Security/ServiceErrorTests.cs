using System.Net;
using System.Text;
using DliSession.Client.Errors;

namespace DliSession.Client.Tests.Security;

/// <summary>A server's error answer cannot choose the ErrorId scripts match on, nor flood or rewrite the terminal.</summary>
public sealed class ServiceErrorTests
{
    private static DliException Map(int status, string body, string? location = null)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        if (location is not null) response.Headers.TryAddWithoutValidation("Location", location);
        return ErrorResponse.Failure(response, Encoding.UTF8.GetBytes(body), "GET", "/v2.0/p/sessions/s1");
    }

    [Theory]
    [InlineData("DliConnectionUnresolved")]
    [InlineData("DliResponseTooLarge")]
    [InlineData("DLI.0001\r\nX")]
    [InlineData("DLI.")]
    [InlineData(".0001")]
    [InlineData("DLI-0001")]
    [InlineData("DLI.0001.2")]
    public void A_code_not_shaped_like_DLIs_does_not_become_the_ErrorId(string code)
    {
        var failure = Map(400, $$"""{"error_code":{{System.Text.Json.JsonSerializer.Serialize(code)}},"error_msg":"m"}""");
        Assert.Equal("DliHttp400", failure.ErrorId);
        Assert.Null(((DliApiException)failure).ErrorCode);
        Assert.DoesNotContain('\r', failure.Message);
    }

    [Theory]
    [InlineData("DLI.0001")]
    [InlineData("APIGW.0101")]
    [InlineData("dli.12345678")]
    public void A_DLI_shaped_code_is_the_ErrorId(string code) =>
        Assert.Equal(code, Map(400, $$"""{"error_code":"{{code}}","error_msg":"m"}""").ErrorId);

    [Fact]
    public void A_huge_code_with_control_characters_is_neither_the_id_nor_long()
    {
        var code = new string('A', 100_000) + "\r\n\u001b[31m";
        var failure = Map(400, $$"""{"error_code":{{System.Text.Json.JsonSerializer.Serialize(code)}}}""");
        Assert.Equal("DliHttp400", failure.ErrorId);
        Assert.True(failure.Message.Length < 3000, $"The message has {failure.Message.Length} characters.");
        Assert.DoesNotContain('\u001b', failure.Message);
    }

    [Fact]
    public void A_long_message_is_cut_with_a_note_and_loses_its_control_characters()
    {
        var message = "first line\r\n\u001b[2J" + new string('x', 10_000);
        var failure = Map(400, $$"""{"error_code":"DLI.0001","error_msg":{{System.Text.Json.JsonSerializer.Serialize(message)}}}""");
        Assert.Contains("(cut: the service sent 10,016 characters)", failure.Message);
        Assert.True(failure.Message.Length < ServiceText.MaxMessageLength + 200);
        Assert.DoesNotContain('\u001b', failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public void A_redirect_is_one_error_naming_the_location_without_its_secrets(int status)
    {
        var failure = Map(status, "", "https://user:pw-secret@evil.example.com:8443/steal?sig=query-secret");
        Assert.Equal(ErrorResponse.RedirectId, failure.ErrorId);
        Assert.Contains("'https://evil.example.com:8443/steal'", failure.Message);
        Assert.DoesNotContain("secret", failure.Message);
    }
}
