using DliSession.Client;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// The context Connect-Dli sets. Process-wide, not per runspace, so ForEach-Object -Parallel and thread jobs use it
/// without passing it along; contexts are immutable, so sharing is safe.
/// </summary>
internal static class DefaultContext
{
    private static volatile DliContext? _current;

    public static DliContext? Current
    {
        get => _current;
        set => _current = value;
    }
}
