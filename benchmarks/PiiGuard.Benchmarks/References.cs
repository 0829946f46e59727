using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Benchmarks;

/// <summary>
/// The assemblies a corpus compiles against: the harness's own (the runtime, Roslyn, logging and
/// PiiGuard's attributes), so both the generated corpus and PiiGuard's own sources bind.
/// </summary>
internal static class References
{
    public static ImmutableArray<MetadataReference> All { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(path).StartsWith("PiiGuard.Benchmarks", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
}
