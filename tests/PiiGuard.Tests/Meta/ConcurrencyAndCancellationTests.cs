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

        // The rules analyse the bodies once their trees complete, after the compile: cancel as the first tree completes,
        // when the engine has just started on the held bodies (summaries, scans, graphs). Cancelled from the driver's own
        // callback: cancelled from the test's thread, a loaded machine once let the analysis finish first.
        var signal = new TreeCompletionSignal(cancellation.Cancel);
        var analysis = compilation.WithAnalyzers(AllAnalyzers.Analyzers.Add(signal), options).GetAnalyzerDiagnosticsAsync(cancellation.Token);

        // Stopped as the analysis ends, not when this test's continuation gets a thread.
        var watch = signal.SinceFirstTree;
        _ = analysis.ContinueWith(_ => watch.Stop(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var outcome = await Record.ExceptionAsync(() => analysis);

        // Says what happened instead (a failure here once went unexplained): the analysis finished, or threw something else.
        Assert.True(outcome is OperationCanceledException, $"expected a cancellation; got {outcome?.ToString() ?? "a finished analysis"} after {watch.Elapsed.TotalSeconds:F1} s");

        // Generous, so a loaded CI machine does not fail it; an engine that ignored the token would run on for many seconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:F1} s to stop");
    }

    [Fact]
    public async Task An_analysis_cancelled_as_trees_complete_and_asked_again_gives_every_diagnostic()
    {
        // As the IDE does: a request cancelled while the rules analyse the bodies they held, then the same one asked again.
        // Roslyn today gives every body again to the second request; the rules also hold again the bodies of a cancelled
        // tree's action, for a host that would not.
        var sources = CorpusGenerator.Generate(20_000).Select(file => file.Text).ToArray();
        var (expected, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(sources), concurrent: true, [.. AllAnalyzers.Analyzers]);
        Assert.Empty(exceptions);

        var thrown = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: (exception, _, _) => thrown.Enqueue(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        using var cancellation = new CancellationTokenSource();
        var signal = new TreeCompletionSignal(cancellation.Cancel);
        var withAnalyzers = TestCompilations.Create(sources).WithAnalyzers(AllAnalyzers.Analyzers.Add(signal), options);
        var first = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellation.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var again = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(thrown);
        Assert.Equal(Render(expected), Render(again));
    }

    private static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.GetMessage()}").Order(StringComparer.Ordinal));

    // Cancels as the compiler completes the first tree, the moment the held bodies start to be analysed, from inside the
    // analysis, so the cancellation always lands while it runs.
#pragma warning disable RS1001, RS1036 // Not a shipped analyzer: a test's probe of the driver's timing, run in-process only.
    private sealed class TreeCompletionSignal(Action cancel) : DiagnosticAnalyzer
#pragma warning restore RS1001, RS1036
    {
        private int _signalled;

        /// <summary>The time since the first tree completed and the analysis was cancelled.</summary>
        public Stopwatch SinceFirstTree { get; } = new();

        // Never reported; an analyzer with no diagnostic of its own is not run at all.
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            [new DiagnosticDescriptor("TEST001", "Tree completed", "Tree completed", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true)];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSemanticModelAction(_ =>
            {
                if (Interlocked.Exchange(ref _signalled, 1) == 0)
                {
                    SinceFirstTree.Start();
                    cancel();
                }
            });
        }
    }

    private static async Task AssertSameAsync(Func<Compilation> create)
    {
        // Fresh compilations each time, so no memoised summary is shared between the runs.
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
