namespace PiiGuard.Benchmarks;

/// <summary>The medians (and shifts) of a corpus's runs, its slowest files and the memory check.</summary>
internal sealed record CorpusResult(
    Corpus Corpus,
    IReadOnlyList<RunFigures> Runs,
    IReadOnlyList<(string Path, double Ms)> SlowestFiles,
    bool Released,
    long RetainedBytes)
{
    public double CompilerMs => Statistics.Median(Runs.Select(r => r.CompilerMs));

    public double PiiGuardMs => Statistics.Median(Runs.Select(r => r.PiiGuardMs));

    // The shift between the two series, not run by run: differences of two noisy walls taken run by run swung from
    // x0.05 to x0.74, and a difference of the two medians moved with whichever single run each median fell on.
    public double MarginalMs => Math.Max(0, Statistics.Shift([.. Runs.Select(r => r.PiiGuardWallMs)], [.. Runs.Select(r => r.BaselineWallMs)]));

    public double Ratio => MarginalMs / CompilerMs;

    public double ExecutionRatio => Statistics.Median(Runs.Select(r => r.ExecutionRatio));

    public double? SdkRatio => Runs.All(r => r.SdkWallMs is not null)
        ? Math.Max(0, Statistics.Shift([.. Runs.Select(r => r.SdkWallMs!.Value)], [.. Runs.Select(r => r.BaselineWallMs)])) / CompilerMs
        : null;

    public double PiiGuardAllocatedMb => Statistics.Median(Runs.Select(r => r.PiiGuardAllocated / 1048576.0));

    /// <summary>How much longer the collector paused the PiiGuard runs than the baseline runs: the shift between the two series.</summary>
    public double ExtraPauseMs => Statistics.Shift([.. Runs.Select(r => r.PiiGuardPauseMs)], [.. Runs.Select(r => r.BaselinePauseMs)]);

    public double BaselinePauseMs => Statistics.Median(Runs.Select(r => r.BaselinePauseMs));

    /// <summary>With <c>--emit</c>: how much longer PiiGuard's runs took than the baseline's, each with the emit after it (the shift).</summary>
    public double MarginalWithEmitMs => Statistics.Shift([.. Runs.Select(r => r.PiiGuardWallMs + r.PiiGuardEmit.Ms)], [.. Runs.Select(r => r.BaselineWallMs + r.BaselineEmit.Ms)]);

    /// <summary>With <c>--emit</c>: how much longer the emit took after PiiGuard's analysis than after the baseline's (negative: shorter).</summary>
    public double EmitShiftMs => Statistics.Shift([.. Runs.Select(r => r.PiiGuardEmit.Ms)], [.. Runs.Select(r => r.BaselineEmit.Ms)]);

    /// <summary>With <c>--emit</c>: the same for the collector's pauses in the emit.</summary>
    public double EmitPauseShiftMs => Statistics.Shift([.. Runs.Select(r => r.PiiGuardEmit.PauseMs)], [.. Runs.Select(r => r.BaselineEmit.PauseMs)]);

    public double CompilerAllocatedMb => Statistics.Median(Runs.Select(r => r.CompilerAllocated / 1048576.0));
}
