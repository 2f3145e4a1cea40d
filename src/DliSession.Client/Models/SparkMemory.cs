using System.Globalization;
using System.Text.RegularExpressions;

namespace DliSession.Client.Models;

/// <summary>
/// Driver and executor memory in the form Spark reads (<c>2g</c>, <c>2048m</c>). DLI fails to start a session whose
/// memory has no unit, so a bare number is taken as bytes (PowerShell's <c>2GB</c> literal is a byte count).
/// </summary>
public static partial class SparkMemory
{
    private const long KiB = 1024;
    private const long Smallest = 1024 * KiB;

    public const string Example = "2G, 1.5G, 2048M, '2048 MB' or PowerShell's 2GB";

    [GeneratedRegex(@"^\s*(\d{1,12})(\.\d{1,6})?\s*([kmgt])(?:i?b)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithUnit();

    /// <summary>The Spark form of <paramref name="value"/>; an <see cref="ArgumentException"/> with an accepted example otherwise.</summary>
    public static string Normalize(object value) => value switch
    {
        string text => FromText(text),
        int or long or short or uint or ulong or ushort or byte => FromBytes(Convert.ToDecimal(value, CultureInfo.InvariantCulture), value),
        double or float or decimal => FromBytes(Convert.ToDecimal(value, CultureInfo.InvariantCulture), value),
        _ => throw Invalid(value),
    };

    private static string FromText(string text)
    {
        var match = WithUnit().Match(text);
        if (match.Success)
        {
            var unit = char.ToLowerInvariant(match.Groups[3].Value[0]);
            // A fraction (1.5G) is taken when it is a whole number of kilobytes, and written in the largest unit that keeps it whole.
            if (match.Groups[2].Success)
            {
                var size = decimal.Parse(match.Groups[1].Value + match.Groups[2].Value, CultureInfo.InvariantCulture) * UnitSize(unit);
                if (size != decimal.Truncate(size) || size % KiB != 0)
                    throw new ArgumentException($"'{text}' is not a whole number of kilobytes. Use a smaller unit, for example {Example}.");
                return FromBytes(decimal.Truncate(size), text);
            }
            var number = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            // The same floor as for byte counts, so '12k' is refused as 12288 would be.
            if (number * UnitSize(unit) < Smallest)
                throw new ArgumentException($"'{text}' is less than the 1 MB Spark needs at the least. Use for example {Example}.");
            return match.Groups[1].Value.TrimStart('0') + unit;
        }
        if (decimal.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes))
            return FromBytes(bytes, text);
        throw Invalid(text);
    }

    private static string FromBytes(decimal bytes, object original)
    {
        if (bytes != decimal.Truncate(bytes) || bytes < Smallest)
            throw new ArgumentException(
                $"'{original}' is read as a number of bytes, and Spark needs at least 1 MB with a unit. Write it with a unit, for example {Example}.");
        foreach (var unit in "tgmk")
            if (bytes % UnitSize(unit) == 0) return (bytes / UnitSize(unit)).ToString(CultureInfo.InvariantCulture) + unit;
        throw new ArgumentException($"{original} bytes is not a whole number of kilobytes. Use a unit, for example {Example}.");
    }

    private static long UnitSize(char unit) => unit switch
    {
        't' => KiB * KiB * KiB * KiB,
        'g' => KiB * KiB * KiB,
        'm' => KiB * KiB,
        _ => KiB,
    };

    private static ArgumentException Invalid(object value) =>
        new($"'{value}' is not a memory size with a unit. Use for example {Example}.");
}
