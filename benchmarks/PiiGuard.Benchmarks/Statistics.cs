namespace PiiGuard.Benchmarks;

/// <summary>The estimators the figures are made of: robust to the outliers a shared 2-core machine produces.</summary>
internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>
    /// How much longer the runs of <paramref name="slower"/> take than those of <paramref name="faster"/>: the
    /// Hodges–Lehmann shift, the median of every difference between a run of one and a run of the other.
    /// </summary>
    /// <remarks>
    /// The difference of two medians rests on one run of each series: on a machine that switches between speed
    /// levels it says whichever level each median fell in (a test has it at -400 ms for a true +100 ms). The
    /// median of all n×m differences uses every run (it is the shift estimator BenchmarkDotNet's comparisons use),
    /// so it recovers the shift whenever most pairs of runs fell in the same level. No estimator survives every
    /// mix: with most baseline runs slow and most PiiGuard runs fast, it is fooled as the medians are.
    /// </remarks>
    public static double Shift(IReadOnlyCollection<double> slower, IReadOnlyCollection<double> faster) =>
        Median(slower.SelectMany(s => faster.Select(f => s - f)));
}
