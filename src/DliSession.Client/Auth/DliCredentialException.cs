using DliSession.Client.Errors;

namespace DliSession.Client.Auth;

/// <summary>
/// The connection settings (credential, project id or endpoint) could not be resolved. <see cref="Problem"/> and
/// <see cref="Items"/> say what is wrong, so a caller can word its own advice; the message never holds a secret,
/// because the cmdlets show it as is.
/// </summary>
public sealed class DliCredentialException : DliException
{
    public const string Id = "DliConnectionUnresolved";

    public DliCredentialException(ConnectionProblem problem, IReadOnlyList<string> items, string message, Exception? innerException = null)
        : base(Id, DliErrorKind.Authentication, message, innerException)
    {
        Problem = problem;
        Items = items;
    }

    public DliCredentialException(string message) : this(ConnectionProblem.Invalid, [], message) { }

    public DliCredentialException(string message, Exception innerException) : this(ConnectionProblem.Invalid, [], message, innerException) { }

    public ConnectionProblem Problem { get; }

    /// <summary>What the problem concerns: the items given together, missing, or looked at (see <see cref="ConnectionProblem"/>).</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The same failure in a caller's own words.</summary>
    public DliCredentialException Reworded(string message) => new(Problem, Items, message, InnerException);
}
