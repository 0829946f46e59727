using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// Measures PiiGuard against the compiler's own work and the .NET SDK's analyzers, prints the figures,
/// checks the targets of docs/performance.md (exit code 1 when one is missed) and, with --write,
/// records the figures there.
/// </summary>
internal static class Program
{
    // The targets of issue 6, also stated in docs/performance.md.
    private const double MaxRatioAt100k = 0.15;
    private const double MaxScaling = 3.3;
    private const double MaxFileMs = 50;

    // The after-edit pass analyses every document first: measured on the small corpora only.
    private const int MaxAfterEditFiles = 200;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var options = BenchmarkOptions.Parse(args);
        Measurement.Concurrent = options.Concurrent;
        Measurement.Emit = options.Emit;
        BaselineAnalyzer.TailKilobytesPerTree = options.BaselineTailKilobytes;
        if (options.Profile is { } set)
        {
            // One corpus: the first --source, else the first of --sizes.
            var profiled = options.Sources.Count > 0 ? Corpus.FromFolder(options.Sources[0]) : Corpus.Generated(options.Sizes[0]);
            await ProfileLoop.RunAsync(profiled, set, options.Runs, options.BindFirst, options.Allocations);
            return 0;
        }

        if ((options.BaselineTailKilobytes > 0 || options.Emit) && options.Write)
        {
            Console.Error.WriteLine("--write records the figures of the plain measurement only: not with --baseline-tail-kb or --emit.");
            return 2;
        }

        var (sdk, sdkDescription) = options.Sdk ? AnalyzerSets.Sdk() : (ImmutableArray<DiagnosticAnalyzer>.Empty, "not measured (--no-sdk)");
        Console.WriteLine($"PiiGuard analyzers: {AnalyzerSets.PiiGuard.Length}; SDK yardstick: {sdkDescription}");
        Console.WriteLine($"Compiler: {HostedCompiler.Description}");
        Console.WriteLine($"{options.Runs} run(s) each; times are medians; {(options.Concurrent ? "analysis concurrent, as the compiler runs it (execution times overlap)" : "analysis sequential (concurrentAnalysis: false) so analyzer times add up")}; {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC{(options.BaselineTailKilobytes > 0 ? $"; the baseline allocates {options.BaselineTailKilobytes} KB of garbage per completed tree, so the marginal times leave out the collection that brings on" : "")}{(options.Emit ? "; each analysis followed by an emit of its compilation, timed apart" : "")}.");

        var corpora = options.Sizes.Select(Corpus.Generated).Concat(options.Sources.Select(Corpus.FromFolder)).ToList();
        var results = await MeasureAsync(corpora, options.Runs, sdk);

        if (options.BaselineTailKilobytes > 0)
        {
            // A decomposition of the marginal time, not the targets' measure: the baseline paid a collection of its own.
            Console.WriteLine($"Targets not checked: the baseline allocated {options.BaselineTailKilobytes} KB of garbage per completed tree (--baseline-tail-kb).");
            return 0;
        }

        var missed = CheckTargets(results, options.Sizes);
        if (options.Write)
        {
            var path = PerformanceDoc.Write(results, sdkDescription, options);
            Console.WriteLine($"Figures written to {path}");
        }

        Console.WriteLine(missed.Count == 0 ? "All targets met." : "Targets missed:\n  " + string.Join("\n  ", missed));
        return missed.Count == 0 ? 0 : 1;
    }

    // The corpora are measured in rounds, one run of each per round, not one corpus after another: this machine
    // changes speed from minute to minute, and a block of 300k runs taken after a block of 100k runs compared two
    // speed levels as often as two corpora (the scaling swung from x2.56 to x3.98 between two runs of the harness).
    private static async Task<List<CorpusResult>> MeasureAsync(List<Corpus> corpora, int runs, ImmutableArray<DiagnosticAnalyzer> sdk)
    {
        foreach (var corpus in corpora)
        {
            Console.WriteLine($"{corpus.Name}: {corpus.Lines:N0} lines in {corpus.Trees.Length:N0} files");

            // Two cold runs first that nobody counts: JIT, tiered recompilation (which competes for the two cores) and the runtime's caches.
            // The yardstick's analyzers run in them too: jitted only in the counted runs, their tiered recompilation ran on in the
            // background through the next runs' measurements of the compiler and PiiGuard.
            await Measurement.RunAsync(corpus, sdk, baselineFirst: false);
            await Measurement.RunAsync(corpus, sdk, baselineFirst: true);
        }

        var figures = corpora.Select(_ => new List<RunFigures>()).ToList();
        for (var run = 0; run < runs; run++)
        {
            for (var i = 0; i < corpora.Count; i++)
            {
                var figure = await Measurement.RunAsync(corpora[i], sdk, baselineFirst: run % 2 == 1);
                figures[i].Add(figure);
                Console.WriteLine($"   {corpora[i].Name} run {run + 1}: compiler {figure.CompilerMs,7:F0} ms; driver baseline {figure.BaselineWallMs,7:F0} ms; PiiGuard +{figure.MarginalMs,6:F0} ms (x{figure.Ratio:F3}),"
                    + $" execution {figure.PiiGuardMs,6:F0} ms (x{figure.ExecutionRatio:F3}); GC pauses {figure.PiiGuardPauseMs,5:F0} ms (baseline {figure.BaselinePauseMs,5:F0} ms)"
                    + (figure.SdkRatio is { } sdkRatio ? $"; SDK analyzers +{figure.SdkWallMs - figure.BaselineWallMs,6:F0} ms (x{sdkRatio:F3})" : "")
                    + (Measurement.Emit ? $"; emit after PiiGuard {figure.PiiGuardEmit.Ms,6:F0} ms (pauses {figure.PiiGuardEmit.PauseMs,4:F0} ms, collections {figure.PiiGuardEmit.Collections}), after the baseline {figure.BaselineEmit.Ms,6:F0} ms (pauses {figure.BaselineEmit.PauseMs,4:F0} ms, collections {figure.BaselineEmit.Collections})" : ""));
            }
        }

        var results = new List<CorpusResult>();
        for (var i = 0; i < corpora.Count; i++)
        {
            results.Add(await SummariseAsync(corpora[i], figures[i]));
        }

        return results;
    }

    private static async Task<CorpusResult> SummariseAsync(Corpus corpus, List<RunFigures> figures)
    {
        Console.WriteLine();
        Console.WriteLine($"== {corpus.Name}: {corpus.Lines:N0} lines in {corpus.Trees.Length:N0} files");

        // Each file's time is the lower of two cold passes: one pass is one sample per file, and a garbage collection
        // or a neighbour on the machine landing in one file made it the "slowest" (x8 its time in the other pass).
        var firstPass = await Measurement.PerFileAsync(corpus);
        var secondPass = await Measurement.PerFileAsync(corpus);
        var files = firstPass.Zip(secondPass, (first, second) => (first.Path, Ms: Math.Min(first.Ms, second.Ms))).ToList();
        // As one types: every file edited in turn (inside a body) and its diagnostics asked for, but the first, by which the
        // snapshots are found. Only corpora of up to 200 files: every document is analysed first.
        var afterEdit = corpus.Trees.Length > MaxAfterEditFiles
            ? []
            : (await Measurement.AfterBodyEditAsync(corpus, files.Skip(1).Select(f => f.Path))).OrderByDescending(f => f.Ms).ToList();
        var (released, retained) = await Measurement.RetentionAsync(corpus);
        var result = new CorpusResult(corpus, figures, files.OrderByDescending(f => f.Ms).Take(5).ToList(), released, retained);

        var first = figures[0];
        Console.WriteLine($"   compiler errors: {first.CompilerErrors}; PiiGuard diagnostics: {first.Diagnostics}");
        Console.WriteLine($"   compiler GetDiagnostics   {result.CompilerMs,9:F0} ms   allocated {result.CompilerAllocatedMb,8:F0} MB");
        Console.WriteLine($"   PiiGuard marginal         {result.MarginalMs,9:F0} ms   x{result.Ratio:F3} of the compiler   allocated {result.PiiGuardAllocatedMb,8:F0} MB (beyond the driver's own)");
        Console.WriteLine($"   PiiGuard execution time   {result.PiiGuardMs,9:F0} ms   x{result.ExecutionRatio:F3} (its callbacks; it analyses bodies once their tree is complete)");
        Console.WriteLine($"   GC pauses                 {result.ExtraPauseMs,9:F0} ms   more than the baseline's {result.BaselinePauseMs:F0} ms, for {result.PiiGuardAllocatedMb:F0} MB more allocated");
        if (Measurement.Emit && result.Runs.Any(r => !r.PiiGuardEmit.Emitted || !r.BaselineEmit.Emitted))
        {
            Console.WriteLine("   emit after the analysis: not measured, the compilation has errors (the emit stops early)");
        }
        else if (Measurement.Emit)
        {
            Console.WriteLine($"   emit after the analysis   {result.EmitShiftMs,9:F0} ms   longer after PiiGuard than after the baseline (pauses {result.EmitPauseShiftMs:+0;-0} ms); "
                + $"analysis and emit together +{result.MarginalWithEmitMs:F0} ms (x{result.MarginalWithEmitMs / result.CompilerMs:F3} of the compiler)");
        }

        if (result.SdkRatio is { } sdkMedian)
        {
            Console.WriteLine($"   SDK analyzers (yardstick) x{sdkMedian:F3} of the compiler");
        }

        foreach (var analyzer in figures[0].PerAnalyzerMs.Keys.Order(StringComparer.Ordinal))
        {
            Console.WriteLine($"     {analyzer,-40} {Statistics.Median(figures.Select(f => f.PerAnalyzerMs[analyzer])),8:F0} ms");
        }

        Console.WriteLine("   slowest files (PiiGuard, cold, one document at a time):");
        foreach (var (path, ms) in result.SlowestFiles)
        {
            Console.WriteLine($"     {ms,8:F1} ms  {path}");
        }

        if (afterEdit.Count > 0)
        {
            Console.WriteLine($"   after an edit inside a body ({afterEdit.Count} files in turn, each edit a new snapshot, one sample each; median {Statistics.Median(afterEdit.Select(f => f.Ms)):F1} ms, {afterEdit.Count(f => f.Ms > MaxFileMs)} over {MaxFileMs} ms, {afterEdit.Sum(f => f.Ms):F0} ms in all):");
            foreach (var (path, ms) in afterEdit.Take(5))
            {
                Console.WriteLine($"     {ms,8:F1} ms  {path}");
            }
        }

        Console.WriteLine($"   memory: compilation and trees {(released ? "released" : "KEPT ALIVE")} after dropping; {retained / 1024.0:F0} KB retained");
        return result;
    }

    private static List<string> CheckTargets(IReadOnlyList<CorpusResult> results, IReadOnlyList<int> sizes)
    {
        var missed = new List<string>();
        CorpusResult? BySize(int size) => sizes.Contains(size) ? results[sizes.ToList().IndexOf(size)] : null;
        if (BySize(100_000) is { } at100k && at100k.Ratio > MaxRatioAt100k)
        {
            missed.Add($"100k: PiiGuard x{at100k.Ratio:F3} of the compiler (target <= {MaxRatioAt100k})");
        }

        if (BySize(100_000) is { } small && BySize(300_000) is { } large)
        {
            var scaling = Scaling(small, large);
            Console.WriteLine($"Scaling: 300k costs PiiGuard x{scaling:F2} of 100k by marginal time (target <= {MaxScaling}), x{ExecutionScaling(small, large):F2} by execution time; the compiler x{CompilerScaling(small, large):F2}");
            // Not measurable (no marginal time at 100k) counts as missed: NaN compares false.
            if (!(scaling <= MaxScaling))
            {
                missed.Add($"scaling 100k -> 300k: x{scaling:F2} (target <= {MaxScaling})");
            }
        }

        foreach (var result in results)
        {
            if (result.SlowestFiles.Count > 0 && result.SlowestFiles[0].Ms > MaxFileMs)
            {
                missed.Add($"{result.Corpus.Name}: {result.SlowestFiles[0].Path} took {result.SlowestFiles[0].Ms:F0} ms (target <= {MaxFileMs})");
            }

            if (!result.Released)
            {
                missed.Add($"{result.Corpus.Name}: the compilation or its trees stay alive after analysis");
            }
        }

        return missed;
    }

    /// <summary>300k's cost as a multiple of 100k's: what PiiGuard adds to each, as the 100k target counts it.</summary>
    /// <remarks>
    /// Not the execution times, which leave out the collector's work PiiGuard's allocations bring on between its callbacks.
    /// (Until PiiGuard held bodies until their tree completed, they also held the callees it bound before the compiler
    /// reached them, and swung with that race: at 300k in two groups, ~1.1 s and ~4.5 s, in one series.)
    /// </remarks>
    public static double Scaling(CorpusResult small, CorpusResult large) => large.MarginalMs / small.MarginalMs;

    /// <summary>The same by the medians of the execution times, printed beside it.</summary>
    public static double ExecutionScaling(CorpusResult small, CorpusResult large) => large.PiiGuardMs / small.PiiGuardMs;

    /// <summary>The same for the compiler: how linear the yardstick itself is on this machine.</summary>
    public static double CompilerScaling(CorpusResult small, CorpusResult large) => large.CompilerMs / small.CompilerMs;
}
