using System.Collections.Immutable;

namespace PiiGuard.Benchmarks;

/// <summary>What one run measured on one corpus; ratios are taken within a run, so machine noise cancels.</summary>
internal sealed record RunFigures(
    double CompilerMs,
    long CompilerAllocated,
    double PiiGuardMs,
    ImmutableDictionary<string, double> PerAnalyzerMs,
    long PiiGuardAllocated,
    double? SdkMs,
    int Diagnostics,
    int CompilerErrors)
{
    public double Ratio => PiiGuardMs / CompilerMs;

    public double? SdkRatio => SdkMs / CompilerMs;
}
