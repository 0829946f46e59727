using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>A benchmark's own analyzer: it reports nothing, so the driver needs one hidden descriptor it never uses.</summary>
internal abstract class SilentAnalyzer : DiagnosticAnalyzer
{
    protected SilentAnalyzer(string id) =>
        SupportedDiagnostics = ImmutableArray.Create(new DiagnosticDescriptor(id, "never", "never", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true));

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }
}
