using System.Globalization;
using DliSession.Emulator.Validation;

namespace DliSession.Emulator.Pipeline;

/// <summary>The <c>from</c>/<c>size</c> paging parameters of LIST and log: non-negative integers when given.</summary>
internal static class QueryParameters
{
    public const int DefaultPageSize = 100;

    /// <summary>The window of a list or log page: <c>from</c> when given (a log then reads its last lines) and
    /// <c>size</c>, <see cref="DefaultPageSize"/> when not given.</summary>
    public static (int? From, int Size) Window(HttpRequest request) =>
        (OptionalNonNegative(request, "from"), OptionalNonNegative(request, "size") ?? DefaultPageSize);

    public static int? OptionalNonNegative(HttpRequest request, string name) =>
        OptionalNonNegativeLong(request, name) switch
        {
            null => null,
            <= int.MaxValue and var number => (int)number,
            _ => throw new RequestValidationException($"{name} must be a non-negative integer of at most {int.MaxValue}."),
        };

    /// <summary>A non-negative whole number, such as a Unix time in ms, when given.</summary>
    public static long? OptionalNonNegativeLong(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count == 0) return null;
        return long.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new RequestValidationException($"{name} must be a non-negative integer.");
    }

    public static string? OptionalString(HttpRequest request, string name) =>
        request.Query[name] is { Count: > 0 } values && values.ToString().Length > 0 ? values.ToString() : null;
}
