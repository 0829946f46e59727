using System.Text;

namespace PiiGuard.Benchmarks;

/// <summary>Replaces the figures between the markers of docs/performance.md with this run's.</summary>
internal static class PerformanceDoc
{
    private const string Start = "<!-- figures:start -->";
    private const string End = "<!-- figures:end -->";

    public static string Write(IReadOnlyList<CorpusResult> results, string sdkDescription, BenchmarkOptions options)
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "performance.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : $"# Performance\n\n{Start}\n{End}\n";
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{path} has no {Start} … {End} markers");
        }

        var figures = Figures(results, sdkDescription, options);
        File.WriteAllText(path, text[..(start + Start.Length)] + "\n" + figures + text[end..]);
        return path;
    }

    private static string Figures(IReadOnlyList<CorpusResult> results, string sdkDescription, BenchmarkOptions options)
    {
        var builder = new StringBuilder();
        var gc = System.Runtime.GCSettings.IsServerGC ? "server GC (as the compiler runs analyzers)" : "workstation GC";
        gc += options.Concurrent ? ", analyzers run concurrently as the compiler runs them" : ", analyzers run sequentially (their times add up)";
        builder.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {HostedCompiler.Description}, {gc}, medians of {options.Runs} runs (marginal times: the shift between the PiiGuard and baseline series).");
        builder.AppendLine();
        builder.AppendLine("| corpus | lines | files | compiler ms | PiiGuard marginal ms | **PiiGuard ratio** | PiiGuard execution ms (ratio) | SDK analyzers ratio | PiiGuard allocated | compiler allocated | slowest file | released after drop |");
        builder.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var result in results)
        {
            var slowest = result.SlowestFiles.Count == 0 ? "" : $"{result.SlowestFiles[0].Ms:F1} ms `{Shorten(result.SlowestFiles[0].Path)}`";
            builder.AppendLine(
                $"| {result.Corpus.Name} | {result.Corpus.Lines:N0} | {result.Corpus.Trees.Length:N0} | {result.CompilerMs:F0} | {result.MarginalMs:F0} | "
                + $"**x{result.Ratio:F3}** | {result.PiiGuardMs:F0} (x{result.ExecutionRatio:F3}) | {(result.SdkRatio is { } sdk ? $"x{sdk:F3}" : "—")} | {result.PiiGuardAllocatedMb:F0} MB | {result.CompilerAllocatedMb:F0} MB | "
                + $"{slowest} | {(result.Released ? "yes" : "**no**")}, {result.RetainedBytes / 1024.0:F0} KB retained |");
        }

        var small = results.FirstOrDefault(r => r.Corpus.Name == "generated 100k");
        var large = results.FirstOrDefault(r => r.Corpus.Name == "generated 300k");
        if (small is not null && large is not null)
        {
            builder.AppendLine();
            builder.AppendLine($"Scaling: the 300k corpus costs PiiGuard **x{Program.Scaling(small, large):F2}** the 100k corpus by marginal time (x{Program.ExecutionScaling(small, large):F2} by the medians of the execution time); the compiler x{Program.CompilerScaling(small, large):F2}.");
        }

        builder.AppendLine();
        builder.AppendLine($"SDK yardstick: {Shorten(sdkDescription)}.");
        return builder.ToString();
    }

    private static string Shorten(string path)
    {
        var root = RepositoryRoot();
        return path.Replace(root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PiiGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (PiiGuard.sln not found)");
    }
}
