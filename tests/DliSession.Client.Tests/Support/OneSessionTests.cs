namespace DliSession.Client.Tests.Support;

/// <summary>A base for test classes that each need a fresh emulator holding one session and an empty journal.</summary>
public abstract class OneSessionTests : IAsyncLifetime
{
    protected EmulatorHost Emulator { get; private set; } = null!;
    protected string SessionId { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync();
        SessionId = (await Emulator.CreateSessionsAsync(1))[0];
        await Emulator.ClearJournalAsync();
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
