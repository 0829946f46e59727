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

    public static ImmutableArray<MetadataReference> All { get; } = Framework().AddRange(Libraries());

    private static IEnumerable<MetadataReference> Libraries() =>
        new[]
        {
            typeof(PiiAttribute).Assembly,
            typeof(ILogger).Assembly,
            typeof(Microsoft.AspNetCore.Identity.PersonalDataAttribute).Assembly,
            typeof(Microsoft.AspNetCore.Identity.IdentityUser).Assembly,
            typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly,
            typeof(Microsoft.AspNetCore.DataProtection.IDataProtector).Assembly,
            typeof(Serilog.ILogger).Assembly,
        }
            .Select(assembly => (MetadataReference)MetadataReference.CreateFromFile(assembly.Location));

    private static ImmutableArray<MetadataReference> Framework()
    {
        var files = ReferencePackFiles() ?? RuntimeFiles();
        return files.Select(file => (MetadataReference)MetadataReference.CreateFromFile(file)).ToImmutableArray();
    }

    // <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.0/*.dll for the running runtime.
    private static IEnumerable<string>? ReferencePackFiles()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var version = Environment.Version;
        var packDirectory = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
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
