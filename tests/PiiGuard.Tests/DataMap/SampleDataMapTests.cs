using PiiGuard.Tests.Infrastructure;
using PiiGuard.Tests.Package;

namespace PiiGuard.Tests.DataMap;

/// <summary>
/// The sample's data map, approved as a whole in both formats, and the copies the repository publishes:
/// docs/data-map-sample.md and the sample's committed baseline must match what the tool says today.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SampleDataMapTests
{
    private static readonly string s_sample = Repository.PathOf("samples", "DealerPortal");

    [Fact]
    public async Task Markdown_map_of_the_sample()
    {
        var result = await PiiGuardTool.RunAsync(Repository.Root, "map", s_sample);

        Assert.True(result.ExitCode == 0, result.ToString());
        Approvals.Verify(result.Output);
        Assert.Equal(result.Output, (await File.ReadAllTextAsync(Repository.PathOf("docs", "data-map-sample.md"))).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Json_map_of_the_sample()
    {
        var result = await PiiGuardTool.RunAsync(Repository.Root, "map", s_sample, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Approvals.Verify(result.Output);
        Assert.DoesNotContain(Repository.Root, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committed_baseline_is_exactly_what_the_sample_sends()
    {
        var result = await PiiGuardTool.RunAsync(Repository.Root, "check", s_sample);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("The code sends personal data only where piiguard.datamap.json records.\n", result.Output);
    }
}
