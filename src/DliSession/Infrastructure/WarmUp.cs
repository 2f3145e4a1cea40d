using DliSession.Client.Http;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// Starts <see cref="PipelineWarmUp"/> on a background thread when the module is imported, once per process, so a
/// runbook's first call finds the HTTP pipeline built and its code compiled while the import, Connect-Dli and the
/// first command's binding go on. Import only pays for starting a thread; the first call, if it comes before the
/// warm-up ends, waits for the pipeline the warm-up is building instead of building a second one.
/// </summary>
internal static class WarmUp
{
    private static int s_started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 1) return;
        new Thread(Run) { IsBackground = true, Name = "DliSession warm-up" }.Start();
    }

    private static void Run()
    {
        try
        {
            PipelineWarmUp.Run();
        }
        catch (Exception)
        {
            // Not a call anyone made: an exception escaping this thread would end the process. The first real call
            // does the same work again and reports what goes wrong there.
        }
    }
}
