using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Package;

/// <summary>
/// The package as a team meets it: restored from a feed into a fresh net8.0 project with its own packages
/// folder, built with the plain CLI.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class EndToEndTests(PackedPackage package) : IAsyncLifetime
{
    private const string Program = """
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        namespace Consumer;

        public sealed class Customer
        {
            public int Id { get; set; }
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
        }

        public sealed class EnquiryService(ILogger<EnquiryService> logger)
        {
            public void Receive(Customer customer)
            {
                logger.LogInformation("Enquiry {Id} from {Email}", customer.Id, customer.Email);
                System.Console.WriteLine(customer.Id);
            }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("piiguard-consumer-").FullName;

    public async Task InitializeAsync()
    {
        await package.WriteNuGetConfigAsync(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard" Version="{package.Version}" />
                <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="8.0.0" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(_directory, "Program.cs"), Program);
        var restore = await DotNet.RunAsync(_directory, "restore", "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Build_reports_PII002_at_the_line_and_writes_SARIF_2_1()
    {
        var build = await DotNet.RunAsync(_directory, "build", "--no-restore", "-nodeReuse:false", "-p:ErrorLog=piiguard.sarif%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.ToString());

        var line = Program.Split('\n').ToList().FindIndex(l => l.Contains("customer.Email)", StringComparison.Ordinal)) + 1;
        var column = Program.Split('\n')[line - 1].IndexOf("customer.Email", StringComparison.Ordinal) + 1;
        Assert.Matches(
            new Regex($@"Program\.cs\({line},{column}\): warning PII002: Customer\.Email \(Email\) reaches ILogger\.LogInformation"),
            build.Output);
        Assert.Single(Regex.Matches(build.Output, @"Program\.cs\(\d+,\d+\): warning PII002").Select(m => m.Value).Distinct());

        Approvals.Verify(SarifSummary(Path.Combine(_directory, "piiguard.sarif")));
    }

    [Fact]
    public async Task Build_fails_with_warnaserror()
    {
        var build = await DotNet.RunAsync(_directory, "build", "--no-restore", "--no-incremental", "-nodeReuse:false", "-warnaserror");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(new Regex(@"Program\.cs\(\d+,\d+\): error PII002"), build.Output);
    }

    // The parts of the SARIF log a code-scanning upload uses, without machine-specific paths.
    private static string SarifSummary(string path)
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(path));
        var root = sarif.RootElement;
        var text = new StringBuilder();
        text.AppendLine($"version: {root.GetProperty("version").GetString()}");
        text.AppendLine($"schema: {root.GetProperty("$schema").GetString()}");
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var result in run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("PII", StringComparison.Ordinal)))
            {
                reported.Add(result.GetProperty("ruleId").GetString()!);
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                text.AppendLine($"result: {result.GetProperty("ruleId").GetString()} {result.GetProperty("level").GetString()} " +
                    $"{Path.GetFileName(location.GetProperty("artifactLocation").GetProperty("uri").GetString())}" +
                    $"({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}) " +
                    result.GetProperty("message").GetProperty("text").GetString());
            }

            // The rules that have results: the whole list grows with every analyzer and says nothing here.
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Where(rule => reported.Contains(rule.GetProperty("id").GetString()!));
            foreach (var rule in rules)
            {
                text.AppendLine($"rule: {rule.GetProperty("id").GetString()} {rule.GetProperty("helpUri").GetString()}");
            }
        }

        return text.ToString();
    }
}
