using System.Diagnostics;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis.CSharp;

namespace PiiGuard.Benchmarks;

/// <summary>Which compiler the harness hosts: its version, and whether it is precompiled (ReadyToRun) as the SDK ships it.</summary>
internal static class HostedCompiler
{
    public static string Description { get; } = Describe();

    private static string Describe()
    {
        var path = typeof(CSharpCompilation).Assembly.Location;
        var version = FileVersionInfo.GetVersionInfo(path).FileVersion;
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);

        // A ReadyToRun image carries native code, found through the CLI header's managed native header.
        var precompiled = reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        return $"Roslyn {version} ({(precompiled ? "ReadyToRun" : "IL only, jitted")})";
    }
}
