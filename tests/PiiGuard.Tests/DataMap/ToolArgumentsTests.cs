using PiiGuard.Cli;
using PiiGuard.Cli.Commands;

namespace PiiGuard.Tests.DataMap;

/// <summary>The command line: what each command accepts, and one-line errors for the rest.</summary>
public sealed class ToolArgumentsTests
{
    [Fact]
    public void Map_takes_format_output_and_baseline_options()
    {
        var arguments = ToolArguments.Parse(["map", "App.csproj", "--format", "json", "--output", "map.json", "--write-baseline", "--baseline", "b.json"]);

        Assert.Equal(new ToolArguments("map", "App.csproj", "json", "map.json", "b.json", WriteBaseline: true), arguments);
    }

    [Theory]
    [InlineData("--format", "json")]
    [InlineData("--output", "map.md")]
    [InlineData("-o", "map.md")]
    [InlineData("--write-baseline")]
    public void Check_refuses_the_options_of_map_with_its_usage(params string[] option)
    {
        var error = Assert.Throws<ToolError>(() => ToolArguments.Parse(["check", "App.csproj", .. option]));

        Assert.Contains($"'{option[0]}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("usage: piiguard check <project.csproj|solution.sln|directory> [--baseline <file>]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Check_takes_a_baseline()
    {
        Assert.Equal("b.json", ToolArguments.Parse(["check", ".", "--baseline", "b.json"]).Baseline);
    }
}
