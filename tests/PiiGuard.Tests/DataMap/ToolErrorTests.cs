using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.DataMap;

/// <summary>
/// The piiguard tool out of process on small projects of its own (no package to pack): what it compiles,
/// where it finds its SDK, and the failures it must report as one line and exit code 2 instead of a
/// stack trace or an empty map that passes.
/// </summary>
public sealed class ToolErrorTests : IDisposable
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{0}" />
          </ItemGroup>
        </Project>
        """;

    private const string Customer = """
        using PiiGuard;

        public sealed class Customer
        {
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";

            public void Reject() => throw new System.InvalidOperationException(Email);
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("piiguard-tool-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_net10_project_using_CSharp_14_field_and_extension_blocks_is_mapped()
    {
        var app = await CreateProjectAsync("App", """
            using PiiGuard;

            public sealed class Customer
            {
                [Pii(PiiCategory.Email)] public string Email { get; set => field = value.Trim(); } = "";
            }

            public static class CustomerExtensions
            {
                extension(Customer customer)
                {
                    public void Reject() => throw new System.InvalidOperationException(customer.Email);
                }
            }
            """);

        var result = await PiiGuardTool.RunAsync(_directory, "map", app);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| exception | InvalidOperationException | Email |", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SDK_is_the_one_the_targets_directory_selects_not_the_current_directorys()
    {
        var app = await CreateProjectAsync("App", Customer);
        var elsewhere = Directory.CreateDirectory(Path.Combine(_directory, "elsewhere")).FullName;
        await File.WriteAllTextAsync(Path.Combine(elsewhere, "global.json"), """{ "sdk": { "version": "6.0.999", "rollForward": "disable" } }""");

        var result = await PiiGuardTool.RunAsync(elsewhere, "map", app);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| exception | InvalidOperationException | Email |", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solution_listing_a_project_that_does_not_exist_is_exit_code_2_not_an_empty_map_that_passes()
    {
        await CreateProjectAsync("App", Customer);
        var solution = Path.Combine(_directory, "Shop.sln");
        await File.WriteAllTextAsync(solution, """

            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "App\App.csproj", "{11111111-1111-1111-1111-111111111111}"
            EndProject
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Gone", "Gone\Gone.csproj", "{22222222-2222-2222-2222-222222222222}"
            EndProject
            Global
            EndGlobal
            """);
        await File.WriteAllTextAsync(Path.Combine(_directory, "piiguard.datamap.json"), """{ "version": 1 }""");

        var result = await PiiGuardTool.RunAsync(_directory, "check", "Shop.sln");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("piiguard: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Gone", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("--output", "nonexistent/x.md")]
    [InlineData("--write-baseline", "--baseline", "nonexistent/piiguard.datamap.json")]
    public async Task A_file_that_cannot_be_written_is_exit_code_2_with_one_line(params string[] options)
    {
        var app = await CreateProjectAsync("App", Customer);

        var result = await PiiGuardTool.RunAsync(_directory, ["map", app, .. options]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("piiguard: cannot write ", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Ctrl_C_stops_the_tool_with_one_line_and_exit_code_130()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SIGINT is sent with kill and the process watched through /proc; CI runs on Linux.
        }

        var app = await CreateProjectAsync("App", Customer);
        var tool = Repository.PathOf("src", "Cli", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net8.0", "piiguard.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { tool, "map", app })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || n == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // Once the tool has loaded MSBuildLocator its Ctrl+C handler is in place, and the project has yet to load
        // (that takes seconds): no guess at timing, the process's own mapped files tell.
        using (var started = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (!File.ReadAllText($"/proc/{process.Id}/maps").Contains("Microsoft.Build.Locator.dll", StringComparison.Ordinal))
            {
                await Task.Delay(20, started.Token);
            }
        }

        // The JIT may map it while compiling Main, a moment before the handler line runs.
        await Task.Delay(200);

        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}\n{output}");
        Assert.Equal("piiguard: cancelled", output.TrimEnd());
    }

    private async Task<string> CreateProjectAsync(string name, string source)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, name)).FullName;
        var project = Path.Combine(directory, $"{name}.csproj");
        await File.WriteAllTextAsync(project, Project.Replace("{0}", Repository.PathOf("src", "Attributes", "PiiGuard.Attributes.csproj"), StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(directory, $"{name}.cs"), source);
        var restore = await DotNet.RunAsync(directory, "restore", "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        return project;
    }
}
