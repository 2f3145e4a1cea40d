namespace DliSession.Emulator.Pipeline;

internal static class ConnectionIds
{
    /// <summary>Kestrel names every connection; an in-process test host leaves the id null despite the annotation.</summary>
    public static string Of(HttpContext context) => context.Connection.Id ?? "in-process";
}
