namespace PiiGuard.Tests.Infrastructure;

/// <summary>Runs the piiguard tool as a user would: its own build output, in a process of its own.</summary>
internal static class PiiGuardTool
{
    // The tool's output folder sits beside this test assembly's, in the same configuration (Debug or Release).
    private static readonly string s_path = Repository.PathOf(
        "src", "Cli", "bin", new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net8.0", "piiguard.dll");

    public static Task<DotNet.Result> RunAsync(string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(s_path), $"{s_path} is not built");
        return DotNet.RunAsync(workingDirectory, [s_path, .. arguments]);
    }
}
