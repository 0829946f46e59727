using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>--profile piiguard|baseline</c>: one analyzer set, run after run on one corpus (the first <c>--source</c>, else the
/// first of <c>--sizes</c>; <c>--write</c> does nothing here), for a sampling profiler
/// (<c>perf record</c>) to attribute the time. Profiling PiiGuard and the baseline in two processes and comparing
/// their samples by frame tells PiiGuard's own work from the driver's, which a wall-time difference cannot.
/// With <c>--bind-first</c> every body is bound as each run starts (<see cref="BodyBinderAnalyzer"/>): the wall and CPU
/// times then hold that binding, and the execution time printed is the analyzers' own work alone.
/// </summary>
internal static class ProfileLoop
{
    public static async Task RunAsync(Corpus corpus, string set, int runs, bool bindFirst, bool allocations)
    {
        using var sampler = allocations ? new AllocationSampler() : null;
        ImmutableArray<DiagnosticAnalyzer> analyzers = set switch
        {
            "piiguard" => AnalyzerSets.PiiGuard,
            "baseline" => [new BaselineAnalyzer()],
            _ => throw new ArgumentException($"--profile takes piiguard or baseline, not '{set}'"),
        };

        Console.WriteLine($"== {corpus.Name}, {set}: {runs} runs after one warm-up{(bindFirst ? ", every body bound before each run" : "")}");
        for (var run = 0; run <= runs; run++)
        {
            // As the measured runs analyse (Measurement.RunAsync): a fresh compilation, its references bound by the run itself.
            var compilation = corpus.Compile();

            // The measurement collects before it starts the clock; collected here first, that collection finds little
            // to do, so the CPU figure (read outside it) is mostly the analysis's own. Its pauses it reads itself.
            Measurement.Collect();
            sampler?.Counting = run > 0;
            var collectionsBefore = Collections();
            var cpuBefore = ProcessorTime();
            var heap = new HeapWatch();
            var result = await Measurement.AnalyzeAsync(compilation, analyzers, corpus.Options, bindFirst);
            var cpu = (ProcessorTime() - cpuBefore).TotalMilliseconds;
            heap.Dispose();
            sampler?.Counting = false;
            var (gen0, gen1, gen2) = Collections();
            Console.WriteLine($"   {(run == 0 ? "warm-up" : $"run {run}")}: wall {result.WallMs,7:F0} ms; cpu {cpu,7:F0} ms; GC pauses {result.PauseMs,5:F0} ms "
                + $"(collections {gen0 - collectionsBefore.Gen0}/{gen1 - collectionsBefore.Gen1}/{gen2 - collectionsBefore.Gen2} of generations 0/1/2, "
                + $"largest heap left {heap.Peak / 1048576.0:F0} MB); "
                + $"allocated {result.Allocated / 1048576.0,5:F0} MB; execution {result.Times.Values.Sum(),6:F0} ms; {result.Diagnostics} diagnostics");
        }

        sampler?.Print(runs, top: 40);
    }

    private static (int Gen0, int Gen1, int Gen2) Collections() => (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
