using System.Collections.Immutable;

namespace PiiGuard.Benchmarks;

/// <summary>What one run measured on one corpus; a corpus's figures are the medians of its runs (<see cref="CorpusResult"/>).</summary>
/// <remarks>
/// Two views of PiiGuard's cost. Its <em>execution time</em> is the driver's telemetry of its callbacks; PiiGuard
/// analyses a body once its tree is complete, after the compiler has bound every body, so the callees it reads are
/// bound already (before, it bound some first, and the compiler bound them again). Its <em>marginal time</em> is the wall time of the analysis less that of a
/// do-nothing analyzer over the same operation blocks: what PiiGuard adds to any build that runs an analyzer.
/// </remarks>
internal sealed record RunFigures(
    double CompilerMs,
    long CompilerAllocated,
    double PiiGuardMs,
    double PiiGuardWallMs,
    double BaselineWallMs,
    ImmutableDictionary<string, double> PerAnalyzerMs,
    long PiiGuardAllocated,
    double PiiGuardPauseMs,
    double BaselinePauseMs,
    double? SdkWallMs,
    int Diagnostics,
    int CompilerErrors,
    EmitFigures PiiGuardEmit = default,
    EmitFigures BaselineEmit = default)
{
    public double MarginalMs => Math.Max(0, PiiGuardWallMs - BaselineWallMs);

    /// <summary>PiiGuard's marginal time over the compiler's: the target's figure.</summary>
    public double Ratio => MarginalMs / CompilerMs;

    /// <summary>PiiGuard's execution time (the bodies it binds first included) over the compiler's.</summary>
    public double ExecutionRatio => PiiGuardMs / CompilerMs;

    public double? SdkRatio => SdkWallMs is { } sdk ? Math.Max(0, sdk - BaselineWallMs) / CompilerMs : null;
}
