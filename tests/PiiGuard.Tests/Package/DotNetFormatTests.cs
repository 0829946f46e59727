using System.Text.RegularExpressions;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Package;

/// <summary>
/// `dotnet format analyzers` applies PiiGuard's fixes to a whole project, as a team annotating an existing
/// codebase would run it: on a copy of the sample, consuming the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class DotNetFormatTests(PackedPackage package) : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("piiguard-format-").FullName;

    public async Task InitializeAsync() => await SampleConsumer.CopyAsync(package, _directory);

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PII100_fix_annotates_the_legacy_model_and_the_project_still_builds()
    {
        var format = await DotNet.RunAsync(_directory, "format", "analyzers", "DealerPortal.csproj", "--diagnostics", "PII100", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());

        var model = await File.ReadAllTextAsync(Path.Combine(_directory, "Models", "TradeInValuation.cs"));
        Assert.Contains("using PiiGuard;", model, StringComparison.Ordinal);
        string[] annotated =
        [
            "[Pii(PiiCategory.Name)]\n    public string OwnerName",
            "[Pii(PiiCategory.Email)]\n    public string OwnerEmail",
            "[Pii(PiiCategory.PhoneNumber)]\n    public string? MobileNumber",
            "[Pii(PiiCategory.PostalAddress)]\n    public string Postcode",
            "[Pii(PiiCategory.VehicleRegistration)]\n    public string Registration",
            "[Pii(PiiCategory.VehicleIdentificationNumber)]\n    public string Vin",
        ];
        Assert.All(annotated, expected => Assert.Contains(expected, model.ReplaceLineEndings("\n"), StringComparison.Ordinal));

        // Precision: exactly those six, none on the counters, flags, template ids and country codes, and no
        // other file of the (annotated) sample touched.
        Assert.Equal(annotated.Length, Regex.Matches(model, @"\[Pii\(").Count);
        var sample = Repository.PathOf("samples", "DealerPortal");
        foreach (var file in Directory.EnumerateFiles(_directory, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("obj", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(_directory, file);
            if (relative != Path.Combine("Models", "TradeInValuation.cs"))
            {
                Assert.True(File.ReadAllText(file) == File.ReadAllText(Path.Combine(sample, relative)), $"{relative} was changed");
            }
        }

        var build = await DotNet.RunAsync(_directory, "build", "--no-restore", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(new Regex("(warning|info) PII100"), build.Output);
    }

    [Fact]
    public async Task PII002_fix_masks_every_logged_value_and_the_build_has_no_PII002_left()
    {
        var format = await DotNet.RunAsync(_directory, "format", "analyzers", "DealerPortal.csproj", "--diagnostics", "PII002", "--severity", "warn", "--no-restore");
        Assert.True(format.ExitCode == 0, format.ToString());

        var build = await DotNet.RunAsync(_directory, "build", "--no-restore", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("warning PII002", build.Output, StringComparison.Ordinal);
        Assert.Contains("PiiMask.Mask(", await File.ReadAllTextAsync(Path.Combine(_directory, "Program.cs")), StringComparison.Ordinal);
    }
}
