namespace DliSession.Client.Errors;

/// <summary>
/// A success status whose body cannot be what the API documents: empty, not JSON, cut short, of the wrong shape
/// or too large. Never a half-filled object: the caller gets this instead.
/// </summary>
public sealed class DliResponseException(string errorId, string message, Exception? inner = null)
    : DliException(errorId, DliErrorKind.InvalidResponse, message, inner)
{
    public const string Empty = "DliResponseEmpty";
    public const string NotJson = "DliResponseNotJson";
    public const string Truncated = "DliResponseTruncated";
    public const string WrongShape = "DliResponseWrongShape";
    public const string TooLarge = "DliResponseTooLarge";
}
