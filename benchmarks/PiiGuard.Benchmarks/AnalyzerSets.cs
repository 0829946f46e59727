using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>The analyzers measured: PiiGuard's, and the .NET SDK's own as a yardstick.</summary>
internal static class AnalyzerSets
{
    public static ImmutableArray<DiagnosticAnalyzer> PiiGuard { get; } =
        typeof(PiiGuard.Analyzers.DiagnosticIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>
    /// The SDK's code-quality analyzers (Microsoft.CodeAnalysis.NetAnalyzers and its C# part) from the newest
    /// installed SDK, at their default severities; empty, with the reason, when they cannot be loaded.
    /// </summary>
    public static (ImmutableArray<DiagnosticAnalyzer> Analyzers, string Description) Sdk()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var folder = Directory.Exists(Path.Combine(root, "sdk"))
            ? Directory.GetDirectories(Path.Combine(root, "sdk"))
                .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
                .Where(Directory.Exists)
                .OrderBy(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))), out var v) ? v : new Version(0, 0))
                .LastOrDefault()
            : null;
        if (folder is null)
        {
            return (ImmutableArray<DiagnosticAnalyzer>.Empty, $"no SDK analyzers found under {root}");
        }

        var loader = new AnalyzerAssemblyLoader();
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var failures = new List<string>();
        foreach (var name in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
        {
            var reference = new AnalyzerFileReference(Path.Combine(folder, name), loader);
            reference.AnalyzerLoadFailed += (_, e) => failures.Add(e.Message);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        var description = $"{analyzers.Count} analyzers from {folder}" + (failures.Count == 0 ? "" : $" ({failures.Count} failed to load: {failures[0]})");
        return (analyzers.ToImmutable(), description);
    }
}
