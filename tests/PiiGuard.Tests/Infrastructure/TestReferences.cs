using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.Extensions.Logging;

namespace PiiGuard.Tests.Infrastructure;

/// <summary>
/// The references of test compilations, taken from this machine rather than downloaded: the SDK's own
/// reference pack (falling back to the running framework), PiiGuard.Attributes and the libraries the
/// sinks live in. So tests run offline, and on a real library rather than a look-alike.
/// </summary>
internal static class TestReferences
{
    /// <summary>No NuGet download: every reference is added explicitly.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    private static readonly Assembly[] LibraryAssemblies =
        [
        typeof(PiiAttribute).Assembly,
        typeof(ILogger).Assembly,
        typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute).Assembly,
        typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly,
        typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly,
        typeof(Microsoft.AspNetCore.DataProtection.IDataProtector).Assembly,
        typeof(Serilog.ILogger).Assembly,
        typeof(NLog.Logger).Assembly,
        typeof(log4net.ILog).Assembly,
        typeof(Microsoft.Data.Sqlite.SqliteParameter).Assembly,
        typeof(Dapper.SqlMapper).Assembly,
        typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly,
        typeof(StackExchange.Redis.IDatabase).Assembly,
    ];

    // After the library list: static initialisers run in order.
    public static ImmutableArray<MetadataReference> All { get; } = Framework().AddRange(Libraries()).AddRange(AspNetCore());

    private static IEnumerable<MetadataReference> Libraries() =>
        LibraryAssemblies.Select(assembly => (MetadataReference)MetadataReference.CreateFromFile(assembly.Location));

    // ASP.NET Core's shared framework (sessions, cookies, IDistributedCache) from the SDK's own reference pack,
    // less the assemblies the packages above already bring in another version.
    private static IEnumerable<MetadataReference> AspNetCore()
    {
        var taken = LibraryAssemblies.Select(a => a.GetName().Name + ".dll").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (PackFiles("Microsoft.AspNetCore.App.Ref") ?? [])
            .Where(file => !taken.Contains(Path.GetFileName(file)))
            .Select(file => (MetadataReference)MetadataReference.CreateFromFile(file));
    }

    private static ImmutableArray<MetadataReference> Framework()
    {
        var files = PackFiles("Microsoft.NETCore.App.Ref") ?? RuntimeFiles();
        return files.Select(file => (MetadataReference)MetadataReference.CreateFromFile(file)).ToImmutableArray();
    }

    // <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0/*.dll for the running runtime.
    private static IEnumerable<string>? PackFiles(string pack)
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var version = Environment.Version;
        var packDirectory = Path.Combine(dotnetRoot, "packs", pack);
        if (!Directory.Exists(packDirectory))
        {
            return null;
        }

        var refDirectory = Directory.GetDirectories(packDirectory, $"{version.Major}.{version.Minor}.*")
            .OrderByDescending(directory => directory, StringComparer.Ordinal)
            .Select(directory => Path.Combine(directory, "ref", $"net{version.Major}.{version.Minor}"))
            .FirstOrDefault(Directory.Exists);
        return refDirectory is null ? null : Directory.GetFiles(refDirectory, "*.dll");
    }

    private static IEnumerable<string> RuntimeFiles() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(file => Path.GetFileName(file).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(file) is "mscorlib.dll" or "netstandard.dll");
}
