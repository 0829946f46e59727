using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>--profile piiguard|baseline</c>: one analyzer set, run after run on one corpus, for a sampling profiler
/// (<c>perf record</c>) to attribute the time. Profiling PiiGuard and the baseline in two processes and comparing
/// their samples by frame tells PiiGuard's own work from the driver's, which a wall-time difference cannot.
/// </summary>
internal static class ProfileLoop
{
    public static async Task RunAsync(Corpus corpus, string set, int runs)
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers = set switch
        {
            "piiguard" => AnalyzerSets.PiiGuard,
            "baseline" => [new BaselineAnalyzer()],
            _ => throw new ArgumentException($"--profile takes piiguard or baseline, not '{set}'"),
        };

        Console.WriteLine($"== {corpus.Name}, {set}: {runs} runs after one warm-up");
        for (var run = 0; run <= runs; run++)
        {
            var compilation = corpus.Compile();
            _ = compilation.GetTypeByMetadataName("System.Object");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var result = await Measurement.AnalyzeAsync(compilation, analyzers, corpus.Options);
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            Console.WriteLine($"   {(run == 0 ? "warm-up" : $"run {run}")}: wall {result.WallMs,7:F0} ms; cpu {cpu,7:F0} ms; GC pauses {pause,5:F0} ms; "
                + $"allocated {result.Allocated / 1048576.0,5:F0} MB; execution {result.Times.Values.Sum(),6:F0} ms; {result.Diagnostics} diagnostics");
        }
    }
}
