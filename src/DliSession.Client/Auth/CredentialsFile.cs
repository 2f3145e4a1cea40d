using DliSession.Client.Errors;
using DliSession.Client.Safety;

namespace DliSession.Client.Auth;

/// <summary>
/// The Huawei Cloud SDK credentials file: INI with <c>[section]</c> headers, <c>key = value</c> lines and whole-line
/// <c>#</c> or <c>;</c> comments. Keys are case-insensitive and values trimmed; section names are case-sensitive, as
/// in the SDKs' INI readers. A <c>#</c> or <c>;</c> inside a value is kept, since secret keys may contain them; a
/// value wrapped in matching quotes (<c>ak = "AK"</c>) loses them, since no key, token or id holds a quote.
/// Only a regular file of at most <see cref="MaxBytes"/> is read.
/// </summary>
public sealed class CredentialsFile
{
    public const string PathVariable = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    public const string DefaultSection = "basic";

    /// <summary>A few keys take some hundred bytes; a file of more than 1 MiB is not a credentials file.</summary>
    public const long MaxBytes = 1024 * 1024;

    private readonly Dictionary<string, Dictionary<string, string>> sections;

    private CredentialsFile(string path, Dictionary<string, Dictionary<string, string>> sections)
    {
        Path = path;
        this.sections = sections;
    }

    public string Path { get; }

    /// <summary><c>HUAWEICLOUD_SDK_CREDENTIALS_FILE</c>, else <c>~/.huaweicloud/credentials</c>; null without either.</summary>
    public static string? LocationFrom(Func<string, string?> environment, string? homeDirectory) =>
        NonEmpty(environment(PathVariable))
        ?? (string.IsNullOrEmpty(homeDirectory) ? null : System.IO.Path.Combine(homeDirectory, ".huaweicloud", "credentials"));

    /// <summary>The parsed file, or null when there is no file at <paramref name="path"/>.</summary>
    public static CredentialsFile? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try { return Parse(path, LocalFile.ReadText(path, MaxBytes, "The credentials file")); }
        catch (DliException e) when (e is not DliCredentialException) { throw new DliCredentialException(e); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DliCredentialException($"The credentials file '{path}' could not be read: {e.GetType().Name}.", e);
        }
    }

    /// <summary>Parses <paramref name="text"/>. Errors name the line number only: the line may hold a secret.</summary>
    public static CredentialsFile Parse(string path, string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            if (line[0] == '[' && line[^1] == ']')
            {
                var name = line[1..^1].Trim();
                if (!sections.TryGetValue(name, out current))
                    sections[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || current is null)
                throw new DliCredentialException(
                    $"The credentials file '{path}' is not valid INI at line {lineNumber}: expected [section] or key = value inside a section.");
            current[line[..eq].Trim()] = Unquoted(line[(eq + 1)..].Trim());
        }
        return new CredentialsFile(path, sections);
    }

    private static string Unquoted(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1].Trim() : value;

    public bool HasSection(string name) => sections.ContainsKey(name);

    /// <summary>The value of <paramref name="key"/> in <paramref name="section"/>; null when absent or empty.</summary>
    public string? Value(string section, string key) =>
        sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value) ? NonEmpty(value) : null;

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public override string ToString() => $"credentials file '{Path}'";
}
