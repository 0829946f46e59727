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
/// times then hold that binding, and the execution time printed is the analyzers' own work alone. Each run prints its
/// collections by generation and the largest heap a collection left (<see cref="HeapWatch"/>); <c>--allocations</c> adds
/// the types allocated (<see cref="AllocationSampler"/>), at some cost to the run's times.
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
            var cpuBefore = ProcessorTime();
            using var heap = new HeapWatch();
            var result = await Measurement.AnalyzeAsync(compilation, analyzers, corpus.Options, bindFirst);
            var cpu = (ProcessorTime() - cpuBefore).TotalMilliseconds;
            sampler?.Counting = false;
            Console.WriteLine($"   {(run == 0 ? "warm-up" : $"run {run}")}: wall {result.WallMs,7:F0} ms; cpu {cpu,7:F0} ms; GC pauses {result.PauseMs,5:F0} ms "
                + $"(collections {result.Collections} of generations 0/1/2, largest heap after one {heap.Peak / 1048576.0:F0} MB); "
                + $"allocated {result.Allocated / 1048576.0,5:F0} MB; execution {result.Times.Values.Sum(),6:F0} ms; {result.Diagnostics} diagnostics");
        }

        sampler?.Print(runs, top: 40);
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
