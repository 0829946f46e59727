using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.Benchmarks;

/// <summary>The measurements: each on a fresh compilation, analyzers sequential so their times add up to wall time (unless <see cref="Concurrent"/>).</summary>
internal static class Measurement
{
    /// <summary>Whether the analyses run concurrently, as the compiler runs analyzers (<c>--concurrent</c>); set once, before measuring.</summary>
    public static bool Concurrent { get; set; }

    /// <summary>Whether each analysis of a run is followed by an emit of the compilation it analysed (<c>--emit</c>); set once, before measuring.</summary>
    public static bool Emit { get; set; }

    /// <summary>One run: the compiler, PiiGuard and the do-nothing baseline (in the order given, alternated between runs so neither always runs on the other's garbage), the SDK's analyzers.</summary>
    public static async Task<RunFigures> RunAsync(Corpus corpus, ImmutableArray<DiagnosticAnalyzer> sdk, bool baselineFirst)
    {
        // The compiler's own work: binding and checking every body, as GetDiagnostics does (no emit).
        var compilation = corpus.Compile();
        Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var compilerDiagnostics = compilation.GetDiagnostics();
        var compilerMs = watch.Elapsed.TotalMilliseconds;
        var compilerAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var errors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

        var baselineEarly = baselineFirst ? await AnalyzeAsync(corpus.Compile(), [new BaselineAnalyzer()], corpus.Options, emit: Emit) : default;
        var (piiGuard, diagnostics, piiGuardAllocated, piiGuardWall, piiGuardPause, _, piiGuardEmit) = await AnalyzeAsync(corpus.Compile(), AnalyzerSets.PiiGuard, corpus.Options, emit: Emit);
        var (_, _, baselineAllocated, baselineWall, baselinePause, _, baselineEmit) = baselineFirst ? baselineEarly : await AnalyzeAsync(corpus.Compile(), [new BaselineAnalyzer()], corpus.Options, emit: Emit);
        double? sdkWall = null;
        if (!sdk.IsEmpty)
        {
            sdkWall = (await AnalyzeAsync(corpus.Compile(), sdk, corpus.Options)).WallMs;
        }

        return new RunFigures(
            compilerMs,
            compilerAllocated,
            piiGuard.Values.Sum(),
            piiGuardWall,
            baselineWall,
            piiGuard,
            Math.Max(0, piiGuardAllocated - baselineAllocated),
            piiGuardPause,
            baselinePause,
            sdkWall,
            diagnostics,
            errors,
            piiGuardEmit,
            baselineEmit);
    }

    /// <summary>
    /// Runs the analyzers over the whole compilation: each analyzer's execution time, the diagnostic count, the bytes allocated,
    /// the wall time, the collector's pauses and its collections by generation (the forced ones before the clock left out).
    /// </summary>
    /// <param name="compilation">A fresh compilation.</param>
    /// <param name="analyzers">The analyzers to run.</param>
    /// <param name="options">The analyzer options.</param>
    /// <param name="bindFirst">Whether to bind every body first (<see cref="BodyBinderAnalyzer"/>, run with the analyzers and
    /// left out of their times): their execution time is then their own work alone.</param>
    /// <param name="emit">Whether to emit the analysed compilation after the analysis, timed apart (<see cref="Emit"/>).</param>
    public static async Task<(ImmutableDictionary<string, double> Times, int Diagnostics, long Allocated, double WallMs, double PauseMs, Collections Collections, EmitFigures Emit)> AnalyzeAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, bool bindFirst = false, bool emit = false)
    {
        var withAnalyzers = compilation.WithAnalyzers(bindFirst ? analyzers.Insert(0, new BodyBinderAnalyzer()) : analyzers, Options(options));
        Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = Collections.Now();
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var wallMs = watch.Elapsed.TotalMilliseconds;
        var pauseMs = (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds;
        var collections = Collections.Now() - collectionsBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var emitted = emit ? EmitAnalysed(withAnalyzers.Compilation) : default;
        var times = ImmutableDictionary.CreateBuilder<string, double>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            var name = analyzer.GetType().Name;
            times[name] = times.GetValueOrDefault(name) + telemetry.ExecutionTime.TotalMilliseconds;
        }

        return (times.ToImmutable(), diagnostics.Length, allocated, wallMs, pauseMs, collections, emitted);
    }

    // A build's next step, right after the analysis and without a collection first: the compile's garbage is still there
    // for whichever allocates next, the emit or (if it came first) the analyzer.
    private static EmitFigures EmitAnalysed(Compilation compilation)
    {
        var pausedBefore = GC.GetTotalPauseDuration();
        var collectionsBefore = Collections.Now();
        var watch = Stopwatch.StartNew();
        bool emitted;
        using (var stream = new MemoryStream())
        {
            emitted = compilation.Emit(stream).Success;
        }

        return new EmitFigures(watch.Elapsed.TotalMilliseconds, (GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds, Collections.Now() - collectionsBefore, emitted);
    }

    /// <summary>
    /// PiiGuard's time on each file as the IDE asks for it (one document's semantic analysis), on a cold
    /// compilation in file order: a file pays for the summaries it needs that no earlier file computed.
    /// </summary>
    public static async Task<IReadOnlyList<(string Path, double Ms)>> PerFileAsync(Corpus corpus)
    {
        var compilation = corpus.Compile();

        // The compiler binds a compilation's references before anything else (the IDE's compilation has them
        // bound long before an analyzer runs): not charged to whichever file PiiGuard happens to see first.
        _ = compilation.GetTypeByMetadataName("System.Object");
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerSets.PiiGuard, Options(corpus.Options));
        var files = new List<(string Path, double Ms)>();
        var total = 0.0;
        foreach (var tree in withAnalyzers.Compilation.SyntaxTrees)
        {
            var model = withAnalyzers.Compilation.GetSemanticModel(tree);
            await withAnalyzers.GetAnalysisResultAsync(model, filterSpan: null, CancellationToken.None);
            var now = await PiiGuardExecutionMsAsync(withAnalyzers);

            files.Add((tree.FilePath, now - total));
            total = now;
        }

        return files;
    }

    /// <summary>
    /// PiiGuard's time on each of <paramref name="paths"/> as the IDE asks for it after one types in that file: every
    /// document of the snapshot analysed first (not timed), then, one file after another, an edit inside its first body
    /// (a method's, an accessor's, a constructor's, a lambda's) makes the next snapshot, and that document's request is
    /// timed (what the edit left true carries over). One sample per file.
    /// </summary>
    public static async Task<IReadOnlyList<(string Path, double Ms)>> AfterBodyEditAsync(Corpus corpus, IEnumerable<string> paths)
    {
        var compilation = corpus.Compile();
        _ = compilation.GetTypeByMetadataName("System.Object");
        foreach (var tree in compilation.SyntaxTrees)
        {
            await PiiGuardMsAsync(compilation, tree, corpus.Options);
        }

        var files = new List<(string Path, double Ms)>();
        foreach (var path in paths)
        {
            var tree = compilation.SyntaxTrees.First(t => t.FilePath == path);
            var edited = tree.WithChangedText(tree.GetText().WithChanges(BodyEdit(tree)));
            compilation = compilation.ReplaceSyntaxTree(tree, edited);
            files.Add((path, await PiiGuardMsAsync(compilation, edited, corpus.Options)));
        }

        return files;
    }

    // An empty statement typed at the start of the file's first block (a comment at the end of a file without one).
    private static TextChange BodyEdit(SyntaxTree tree)
    {
        var body = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax>().FirstOrDefault();
        return body is null
            ? new TextChange(new TextSpan(tree.Length, 0), "\n// edited\n")
            : new TextChange(new TextSpan(body.OpenBraceToken.Span.End, 0), " ;");
    }

    // One document's request on a compilation of its own, as the IDE makes it: PiiGuard's execution time in it.
    private static async Task<double> PiiGuardMsAsync(Compilation compilation, SyntaxTree tree, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options)
    {
        var withAnalyzers = compilation.WithAnalyzers(AnalyzerSets.PiiGuard, Options(options));
        await withAnalyzers.GetAnalysisResultAsync(withAnalyzers.Compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        return await PiiGuardExecutionMsAsync(withAnalyzers);
    }

    // PiiGuard's execution time so far in these analyses: its analyzers' telemetry added up.
    private static async Task<double> PiiGuardExecutionMsAsync(CompilationWithAnalyzers withAnalyzers)
    {
        var ms = 0.0;
        foreach (var analyzer in AnalyzerSets.PiiGuard)
        {
            ms += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }

        return ms;
    }

    /// <summary>
    /// Whether dropping a compilation PiiGuard analysed frees it and its syntax trees (no static cache
    /// holds them), and how many bytes stay behind.
    /// </summary>
    public static async Task<(bool Released, long RetainedBytes)> RetentionAsync(Corpus corpus)
    {
        Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var references = AnalyzeAndDrop(corpus);
        await Task.Yield();
        Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (references.All(reference => !reference.IsAlive), after - before);
    }

    // Synchronous on purpose: an async method's state machine would keep its locals (the compilation) alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> AnalyzeAndDrop(Corpus corpus)
    {
        // New trees, so the corpus's own (kept for the next run) do not hide a leak.
        var trees = corpus.Trees.Select(tree => tree.WithChangedText(SourceText.From(tree.GetText().ToString()))).ToList();
        var compilation = Corpus.Compile(trees);
        AnalyzeAsync(compilation, AnalyzerSets.PiiGuard, corpus.Options).GetAwaiter().GetResult();
        var references = trees.Select(tree => new WeakReference(tree)).ToList();
        references.Add(new WeakReference(compilation));
        return references;
    }

    private static CompilationWithAnalyzersOptions Options(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options) =>
        new(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options),
            onAnalyzerException: (exception, analyzer, _) => Console.Error.WriteLine($"{analyzer.GetType().Name} threw: {exception}"),
            concurrentAnalysis: Concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

    /// <summary>A full collection, finalizers run: what each measurement starts from.</summary>
    public static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
