using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Package;

/// <summary>Packs PiiGuard once for all package tests, into a folder that serves as a NuGet feed.</summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public string Feed { get; } = Directory.CreateTempSubdirectory("piiguard-feed-").FullName;

    public string Version => "0.1.0";

    public string PackagePath => Path.Combine(Feed, $"PiiGuard.{Version}.nupkg");

    public string SymbolPackagePath => Path.Combine(Feed, $"PiiGuard.{Version}.snupkg");

    public async Task InitializeAsync()
    {
        var result = await DotNet.RunAsync(
            Repository.Root, "pack", Repository.PathOf("nuget", "PiiGuard.Package.csproj"), "-c", "Release", "-o", Feed, "-nodeReuse:false");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    /// <summary>
    /// Makes <paramref name="directory"/> restore PiiGuard from this feed, everything else from nuget.org, into
    /// a packages folder of its own (so a stale PiiGuard in the user's cache cannot stand in for this build).
    /// </summary>
    public Task WriteNuGetConfigAsync(string directory) =>
        File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <packageSources>
                <clear />
                <add key="piiguard" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

    public Task DisposeAsync()
    {
        Directory.Delete(Feed, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Package";
}
