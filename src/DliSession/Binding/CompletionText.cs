using System.Management.Automation;

namespace DliSession.Commands.Binding;

/// <summary>What every completer does with the word typed so far and with the text it offers back.</summary>
internal static class CompletionText
{
    /// <summary>The word as a prefix pattern, quotes the user opened removed; its own wildcards still work.</summary>
    public static WildcardPattern Pattern(string? wordToComplete) =>
        WildcardPattern.Get(Unquote(wordToComplete) + "*", WildcardOptions.IgnoreCase);

    public static string Unquote(string? word) => (word ?? string.Empty).Trim('\'', '"');

    /// <summary>The value as PowerShell must see it: single-quoted when it holds anything the parser would read.</summary>
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? value
            : "'" + value.Replace("'", "''") + "'";
}
