using System.Diagnostics;
using DliSession.Client.Auth;
using DliSession.Client.Errors;
using DliSession.Client.Safety;

namespace DliSession.Client.Tests.Security;

/// <summary>Local files are read only when they are regular files, and only up to a bound.</summary>
public sealed class LocalFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dli-localfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [UnixFact]
    public void The_zero_device_is_refused_as_not_a_regular_file()
    {
        var refused = Assert.Throws<DliException>(() => LocalFile.ReadText("/dev/zero", 1024, "The code file"));
        Assert.Equal(LocalFile.NotRegularId, refused.ErrorId);
        Assert.StartsWith("The code file '/dev/zero' is not a regular file", refused.Message);
    }

    [UnixFact]
    public async Task A_fifo_is_refused_without_opening_it()
    {
        var fifo = Path.Combine(_directory, "fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
        // Opening a FIFO with no writer blocks forever; refusing it must come back at once.
        var read = Task.Run(() => LocalFile.ReadText(fifo, 1024, "The code file"));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal(LocalFile.NotRegularId, (await Assert.ThrowsAsync<DliException>(() => read)).ErrorId);
    }

    [Fact]
    public void A_directory_is_refused() =>
        Assert.Equal(LocalFile.NotRegularId, Assert.Throws<DliException>(() => LocalFile.ReadText(_directory, 1024, "The file")).ErrorId);

    [Theory]
    [InlineData(1024, true)]
    [InlineData(1025, false)]
    public void A_file_over_the_bound_is_refused(int bytes, bool accepted)
    {
        var file = Path.Combine(_directory, "code.scala");
        File.WriteAllText(file, new string('x', bytes));
        if (accepted) Assert.Equal(bytes, LocalFile.ReadText(file, 1024, "The code file").Length);
        else Assert.Equal(LocalFile.TooLargeId, Assert.Throws<DliException>(() => LocalFile.ReadText(file, 1024, "The code file")).ErrorId);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_text()
    {
        var file = Path.Combine(_directory, "bom.scala");
        File.WriteAllText(file, "1 + 1", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal("1 + 1", LocalFile.ReadText(file, 1024, "The code file"));
    }

    [Fact]
    public void A_credentials_file_over_one_mebibyte_is_refused_with_its_own_id()
    {
        var file = Path.Combine(_directory, "credentials");
        File.WriteAllText(file, "[basic]\nak = AK\nsk = SK\n# " + new string('x', (int)CredentialsFile.MaxBytes));
        var refused = Assert.Throws<DliCredentialException>(() => CredentialsFile.Load(file));
        Assert.Equal(LocalFile.TooLargeId, refused.ErrorId);
    }

    [UnixFact]
    public void A_credentials_file_variable_naming_the_zero_device_is_refused_with_its_own_id()
    {
        var environment = new Dictionary<string, string?> { [CredentialsFile.PathVariable] = "/dev/zero" };
        var resolver = new ContextResolver(name => environment.GetValueOrDefault(name), homeDirectory: null);
        var refused = Assert.Throws<DliCredentialException>(() => resolver.Resolve(new ConnectionRequest()));
        Assert.Equal(LocalFile.NotRegularId, refused.ErrorId);
    }

    [Theory]
    [InlineData("ak = \"AKQ\"", "AKQ")]
    [InlineData("ak = 'AKQ'", "AKQ")]
    [InlineData("ak = \" AKQ \"", "AKQ")]
    [InlineData("ak = \"AKQ'", "\"AKQ'")]
    [InlineData("ak = AK\"Q", "AK\"Q")]
    [InlineData("ak = \"", "\"")]
    public void Matching_quotes_around_a_value_are_dropped(string line, string value) =>
        Assert.Equal(value, CredentialsFile.Parse("credentials", $"[basic]\n{line}\n").Value("basic", "ak"));
}

/// <summary>A fact about Unix file types (devices, FIFOs), skipped on Windows where they do not exist.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file types only.";
    }
}
