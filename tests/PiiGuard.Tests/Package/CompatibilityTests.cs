using System.Text.RegularExpressions;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Package;

/// <summary>
/// The package in the set-ups teams have besides a plain net8.0 app (<see cref="EndToEndTests"/>): models in a
/// netstandard2.0 library (C# 7.3, no nullable annotations, no implicit usings) consumed by an app, where the
/// markings must be seen across the assembly boundary; and the strict preset.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class CompatibilityTests(PackedPackage package) : IAsyncLifetime
{
    private const string Models = """
        using System.Threading.Tasks;
        using PiiGuard;

        namespace Dealer.Models
        {
            public sealed class Customer
            {
                public int Id { get; set; }

                [Pii(PiiCategory.Email)]
                public string Email { get; set; }

                [Pii(PiiCategory.DateOfBirth)]
                public System.DateTime DateOfBirth { get; set; }
            }

            [ThirdPartyProcessor("MarketingCloud", PiiCategory.Email)]
            public interface IMarketingClient
            {
                Task SubscribeAsync(string email, string audience);
            }
        }
        """;

    private const string App = """
        using System;
        using System.Threading.Tasks;
        using Dealer.Models;

        namespace Dealer.App
        {
            public sealed class Campaign
            {
                private readonly IMarketingClient _marketing;

                public Campaign(IMarketingClient marketing)
                {
                    _marketing = marketing;
                }

                public Task Enrol(Customer customer)
                {
                    Console.WriteLine(customer.Id);
                    Console.WriteLine(customer.Email);
                    return _marketing.SubscribeAsync(customer.DateOfBirth.ToString("d"), "spring-offers");
                }

                public Task EnrolPermitted(Customer customer) => _marketing.SubscribeAsync(customer.Email, "spring-offers");
            }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("piiguard-compat-").FullName;

    public async Task InitializeAsync()
    {
        await package.WriteNuGetConfigAsync(_directory);
        await WriteProjectAsync("Models", "netstandard2.0", Models);
        await WriteProjectAsync("App", "net8.0", App, """<ProjectReference Include="../Models/Models.csproj" />""");
        var restore = await DotNet.RunAsync(Path.Combine(_directory, "App"), "restore", "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Markings_of_a_netstandard_library_are_followed_in_the_app_that_consumes_it()
    {
        var build = await DotNet.RunAsync(Path.Combine(_directory, "App"), "build", "--no-restore", "-nodeReuse:false");
        Assert.True(build.ExitCode == 0, build.ToString());

        Assert.Equal(
            [
                "warning PII001: Customer.DateOfBirth (DateOfBirth) reaches processor 'MarketingCloud', which is not permitted to receive DateOfBirth",
                "warning PII002: Customer.Email (Email) reaches Console.WriteLine",
            ],
            Findings(build.Output));
    }

    [Fact]
    public async Task Strict_preset_fails_the_build_and_the_projects_editorconfig_still_wins()
    {
        var app = Path.Combine(_directory, "App");
        await File.WriteAllTextAsync(Path.Combine(app, ".editorconfig"), """
            root = true

            [*.cs]
            dotnet_diagnostic.PII001.severity = suggestion
            """);

        var build = await DotNet.RunAsync(app, "build", "--no-restore", "-nodeReuse:false", "-p:PiiGuardStrict=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error PII002: Customer.Email (Email) reaches Console.WriteLine", Findings(build.Output));
        Assert.DoesNotContain(Findings(build.Output), finding => finding.Contains("PII001", StringComparison.Ordinal));
    }

    private async Task WriteProjectAsync(string name, string framework, string source, string references = "")
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RollForward>Major</RollForward>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PiiGuard" Version="{package.Version}" />
                {references}
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".cs"), source);
    }

    // Each PiiGuard finding once, without its path and help link: MSBuild repeats them in the summary.
    private static IReadOnlyList<string> Findings(string output) =>
        Regex.Matches(output, @"(?:warning|error) PII\d{3}: [^\r\n]*?(?= \(https://)")
            .Select(match => match.Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
