using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace PiiGuard.Benchmarks;

/// <summary>
/// <c>--profile ... --allocations</c>: which types the process allocates, from the runtime's allocation ticks (one event
/// per ~100 KB allocated, naming the type of the object that crossed the mark), so the bytes per type are a sample,
/// proportional to the true ones. Comparing PiiGuard's process with the baseline's tells its allocations by type. It turns
/// on the runtime's verbose collection events for the whole process, which costs time: compare its runs' times only with
/// each other.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    private volatile bool _counting;

    /// <summary>
    /// Whether ticks are counted now: the warm-up's are not. The runtime hands the listener its events late, so a few ticks
    /// of one run can fall in the next: a sample, good for comparing types between processes, not for one run's bytes.
    /// </summary>
    public bool Counting
    {
        get => _counting;
        set => _counting = value;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            // The GC keyword at verbose level is what raises the allocation ticks.
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_counting || eventData.EventId != AllocationTick || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is >= 0 and var typeIndex ? payload[typeIndex] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is >= 0 and var index ? Convert.ToInt64(payload[index], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytesByType.AddOrUpdate(type, amount, (_, bytes) => bytes + amount);
    }

    /// <summary>Prints the types that took the most bytes, per measured run.</summary>
    public void Print(int runs, int top)
    {
        var total = _bytesByType.Values.Sum();
        Console.WriteLine($"   allocations by type (sampled), per run: {total / 1048576.0 / runs:F0} MB in all");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(pair => pair.Value).Take(top))
        {
            Console.WriteLine($"   {bytes / 1048576.0 / runs,8:F1} MB  {type}");
        }
    }
}
