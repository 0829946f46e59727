using PiiGuard.Tests.Infrastructure;
using PiiGuard.Tests.Package;

namespace PiiGuard.Tests.DataMap;

/// <summary>
/// The piiguard tool end to end, on a copy of the sample that consumes the packed package as a team's
/// project would: the committed baseline passes, a new flow fails with the diff, errors are one line.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DataMapToolTests(PackedPackage package) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("piiguard-datamap-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_check_passes_on_the_sample_fails_on_a_new_flow_with_the_diff_and_refuses_code_that_does_not_build()
    {
        await SampleConsumer.CopyAsync(package, _directory);

        var unchanged = await PiiGuardTool.RunAsync(_directory, "check", ".");
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("The code sends personal data only where piiguard.datamap.json records.", unchanged.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_directory, "Services", "BirthdayGreetings.cs"), """
            using DealerPortal.Models;
            using Microsoft.Extensions.Logging;

            namespace DealerPortal.Services;

            public sealed class BirthdayGreetings(ILogger<BirthdayGreetings> logger)
            {
                public void Greet(Customer customer) =>
                    logger.LogInformation("Birthday of {DateOfBirth}", customer.DateOfBirth);
            }
            """);
        var drifted = await PiiGuardTool.RunAsync(_directory, "check", "DealerPortal.csproj");
        Assert.True(drifted.ExitCode == 1, drifted.ToString());
        Assert.Contains("+ log \"ILogger.LogInformation\" receives DateOfBirth at Services/BirthdayGreetings.cs:9", drifted.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("receives Email", drifted.Output, StringComparison.Ordinal);

        // Recording the flow is the reviewed change that makes the check pass again.
        var recorded = await PiiGuardTool.RunAsync(_directory, "map", ".", "--write-baseline");
        Assert.True(recorded.ExitCode == 0, recorded.ToString());
        Assert.Contains("\"DateOfBirth\"", await File.ReadAllTextAsync(Path.Combine(_directory, "piiguard.datamap.json")), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_directory, "Broken.cs"), "public class Broken { int x = ; }");
        var broken = await PiiGuardTool.RunAsync(_directory, "check", ".");
        Assert.True(broken.ExitCode == 2, broken.ToString());
        Assert.StartsWith("piiguard: DealerPortal does not build: ", broken.Output, StringComparison.Ordinal);
        Assert.Contains("Broken.cs(1,", broken.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_baseline_is_exit_code_2_with_the_line_before_the_project_is_loaded()
    {
        var baseline = Path.Combine(_directory, "piiguard.datamap.json");
        await File.WriteAllTextAsync(baseline, "{\n  \"version\": 1,\n  \"log\": { \"ILogger.LogInformation\": [\"Name\" }\n}\n");

        var result = await PiiGuardTool.RunAsync(_directory, "check", Repository.PathOf("samples", "DealerPortal"), "--baseline", baseline);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("piiguard: piiguard.datamap.json is not a valid baseline at line 3: ", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("missing")]
    [InlineData(".")]
    public async Task A_path_that_is_not_a_project_or_solution_is_exit_code_2_with_one_line(string path)
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "notes.txt"), "not a project");

        var result = await PiiGuardTool.RunAsync(_directory, "map", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("^piiguard: '.*' (is not a C# project|does not exist)", result.Output);
        Assert.Single(result.Output.TrimEnd().Split('\n'));
    }
}
