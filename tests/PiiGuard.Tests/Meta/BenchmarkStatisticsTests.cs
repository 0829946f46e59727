using PiiGuard.Benchmarks;

namespace PiiGuard.Tests.Meta;

/// <summary>The benchmark's estimators: the figures the targets are judged by rest on them.</summary>
public sealed class BenchmarkStatisticsTests
{
    [Fact]
    public void The_shift_of_two_series_is_the_median_of_their_differences()
    {
        // Differences 200 - 100 = 100, 200 - 110 = 90, 210 - 100 = 110, 210 - 110 = 100: median 100.
        Assert.Equal(100, Statistics.Shift([200, 210], [100, 110]));
    }

    [Fact]
    public void The_shift_is_found_where_the_difference_of_medians_says_whichever_speed_level_each_median_fell_in()
    {
        // PiiGuard adds 100 ms to every run; the machine runs at two speed levels (+500 ms in the slow one), and more
        // baseline runs than PiiGuard runs fell into the slow one. The difference of the medians says -400 ms.
        double[] baseline = [1000, 1000, 1500, 1500, 1500];
        double[] piiGuard = [1100, 1100, 1100, 1600, 1600];
        Assert.Equal(-400, Statistics.Median(piiGuard) - Statistics.Median(baseline));

        Assert.Equal(100, Statistics.Shift(piiGuard, baseline));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        Assert.Equal(2.5, Statistics.Median([4, 1, 3, 2]));
        Assert.True(double.IsNaN(Statistics.Median([])));
    }
}
