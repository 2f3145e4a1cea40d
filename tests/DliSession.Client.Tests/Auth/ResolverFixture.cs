using System.Security;
using DliSession.Client.Auth;

namespace DliSession.Client.Tests.Auth;

/// <summary>A throw-away home directory and a dictionary environment, so no test reads the real ones.</summary>
public sealed class ResolverFixture : IDisposable
{
    public const string PlantedSecretKey = "PLANTED-SK-q7Zx9";
    public const string PlantedToken = "PLANTED-TOKEN-w4Kd2";
    public const string PlantedSecurityToken = "PLANTED-STS-m8Rt5";
    public static readonly string[] Planted = [PlantedSecretKey, PlantedToken, PlantedSecurityToken];

    public string Home { get; } = Directory.CreateTempSubdirectory("dli-home-").FullName;

    public Dictionary<string, string> Environment { get; } = new();

    public string DefaultCredentialsPath => Path.Combine(Home, ".huaweicloud", "credentials");

    public void WriteCredentials(string text, string? path = null)
    {
        path ??= DefaultCredentialsPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public ContextResolution Resolve(ConnectionRequest request) =>
        new ContextResolver(name => Environment.GetValueOrDefault(name), Home).Resolve(request);

    public DliCredentialException Fails(ConnectionRequest request) =>
        Assert.Throws<DliCredentialException>(() => Resolve(request));

    public static SecureString Secure(string value) => SecureStrings.FromString(value);

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
