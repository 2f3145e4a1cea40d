using System.Text;
using System.Text.RegularExpressions;

namespace DliSession.Client.Errors;

/// <summary>
/// Text a server chose (error codes, messages, a redirect's Location) made fit to show: control characters become
/// spaces, so nothing can rewrite the terminal or forge a line of output, and the length is bounded.
/// </summary>
internal static partial class ServiceText
{
    /// <summary>The longest service message shown; anything longer is cut, with a note saying so.</summary>
    public const int MaxMessageLength = 2000;

    /// <summary>
    /// DLI's and the API gateway's error codes: a service name in letters, a dot, and digits (<c>DLI.0001</c>,
    /// <c>APIGW.0101</c>). Only such codes become ErrorIds; anything else, including the module's own ids, does not.
    /// </summary>
    public static bool IsServiceCode(string? code) => code is not null && ServiceCodePattern().IsMatch(code);

    [GeneratedRegex(@"^[A-Za-z]{2,16}\.[0-9]{1,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceCodePattern();

    /// <summary><paramref name="text"/> without control characters and cut to <paramref name="max"/> characters.</summary>
    public static string Clean(string text, int max = MaxMessageLength)
    {
        var length = Math.Min(text.Length, max);
        var clean = new StringBuilder(length + 64);
        foreach (var c in text.AsSpan(0, length))
            clean.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c);
        if (text.Length > max) clean.Append($"… (cut: the service sent {text.Length:N0} characters)");
        return clean.ToString();
    }
}
