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

    public double MarginalMs => Median(Runs.Select(r => r.MarginalMs));

    public double Ratio => Median(Runs.Select(r => r.Ratio));

    public double ExecutionRatio => Median(Runs.Select(r => r.ExecutionRatio));

    public double? SdkRatio => Runs.All(r => r.SdkRatio is not null) ? Median(Runs.Select(r => r.SdkRatio!.Value)) : null;

    public double PiiGuardAllocatedMb => Median(Runs.Select(r => r.PiiGuardAllocated / 1048576.0));

    public double CompilerAllocatedMb => Median(Runs.Select(r => r.CompilerAllocated / 1048576.0));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
