namespace DliSession.Client.Errors;

/// <summary>The base of every failure the core reports. <see cref="ErrorId"/> is stable, so scripts can test for it.</summary>
public class DliException : Exception
{
    public DliException(string errorId, DliErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    public string ErrorId { get; }
    public DliErrorKind Kind { get; }
}
