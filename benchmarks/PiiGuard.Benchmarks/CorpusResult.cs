namespace PiiGuard.Benchmarks;

/// <summary>The medians of a corpus's runs, its slowest files and the memory check.</summary>
internal sealed record CorpusResult(
    Corpus Corpus,
    IReadOnlyList<RunFigures> Runs,
    IReadOnlyList<(string Path, double Ms)> SlowestFiles,
    bool Released,
    long RetainedBytes)
{
    public double CompilerMs => Median(Runs.Select(r => r.CompilerMs));

    public double PiiGuardMs => Median(Runs.Select(r => r.PiiGuardMs));

    // The median of each series, then the difference: the do-nothing baseline's wall time is the noisier of the two
    // (it is most of a run's garbage), and a difference of two noisy walls taken run by run swung from x0.05 to x0.74.
    public double MarginalMs => Math.Max(0, Median(Runs.Select(r => r.PiiGuardWallMs)) - Median(Runs.Select(r => r.BaselineWallMs)));

    public double Ratio => MarginalMs / CompilerMs;

    public double ExecutionRatio => Median(Runs.Select(r => r.ExecutionRatio));

    public double? SdkRatio => Runs.All(r => r.SdkWallMs is not null)
        ? Math.Max(0, Median(Runs.Select(r => r.SdkWallMs!.Value)) - Median(Runs.Select(r => r.BaselineWallMs))) / CompilerMs
        : null;

    public double PiiGuardAllocatedMb => Median(Runs.Select(r => r.PiiGuardAllocated / 1048576.0));

    public double CompilerAllocatedMb => Median(Runs.Select(r => r.CompilerAllocated / 1048576.0));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
