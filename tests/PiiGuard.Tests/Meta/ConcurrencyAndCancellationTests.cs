using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Benchmarks;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

/// <summary>
/// Concurrent analysis gives what sequential analysis gives (summaries are shared between threads), and a
/// cancelled analysis stops promptly. The corpus is the benchmark's generator: cycles, fields, helpers.
/// </summary>
public sealed class ConcurrencyAndCancellationTests
{
    [Fact]
    public async Task Concurrent_analysis_of_the_sample_gives_the_same_diagnostics_as_sequential()
    {
        var sources = Directory.EnumerateFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        await AssertSameAsync(() => TestCompilations.Create(sources));
    }

    [Fact]
    public async Task Concurrent_analysis_of_a_generated_corpus_gives_the_same_diagnostics_as_sequential()
    {
        var files = CorpusGenerator.Generate(6_000);
        await AssertSameAsync(() => TestCompilations.Create([.. files.Select(file => file.Text)]));
    }

    [Fact]
    public async Task A_cancelled_analysis_of_a_large_corpus_stops_promptly()
    {
        var compilation = TestCompilations.Create([.. CorpusGenerator.Generate(40_000).Select(file => file.Text)]);
        using var cancellation = new CancellationTokenSource();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var analysis = compilation.WithAnalyzers(AllAnalyzers.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellation.Token);

        // Let the engine get going (summaries, bodies), then cancel in the middle of it.
        await Task.WhenAny(analysis, Task.Delay(500));
        Assert.False(analysis.IsCompleted, "the corpus was analysed before it could be cancelled: make it larger");
        var watch = Stopwatch.StartNew();
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => analysis);

        // Generous, so a loaded CI machine does not fail it; an engine that ignored the token would run on for many seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s to stop");
    }

    private static async Task AssertSameAsync(Func<Compilation> create)
    {
        // Fresh compilations each time, so no memoised summary is shared between the runs.
        static string Render(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.GetMessage()}").Order(StringComparer.Ordinal));

        var (sequential, sequentialExceptions) = await TestCompilations.AnalyzeAsync(create(), concurrent: false, [.. AllAnalyzers.Analyzers]);
        Assert.Empty(sequentialExceptions);
        Assert.NotEmpty(sequential);
        for (var run = 0; run < 3; run++)
        {
            var (concurrent, exceptions) = await TestCompilations.AnalyzeAsync(create(), concurrent: true, [.. AllAnalyzers.Analyzers]);
            Assert.Empty(exceptions);
            Assert.Equal(Render(sequential), Render(concurrent));
        }
    }
}
