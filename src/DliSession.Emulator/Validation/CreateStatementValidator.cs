using static DliSession.Emulator.Validation.JsonBody;

namespace DliSession.Emulator.Validation;

/// <summary>The create-statement body: <c>code</c> only, required, at most 1024 characters (dli-session-api §3).</summary>
internal static class CreateStatementValidator
{
    public const int MaxCodeLength = 1024;

    public static string Validate(byte[] body)
    {
        using var document = ParseObject(body);
        var code = RequiredString(document.RootElement, "code", "code");
        if (code.Length == 0) throw new RequestValidationException("code is required.");
        if (code.Length > MaxCodeLength) throw new RequestValidationException($"code must be at most {MaxCodeLength} characters.");
        return code;
    }
}
