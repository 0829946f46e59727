namespace PiiGuard.Benchmarks;

/// <summary>
/// The largest heap any collection left during a run (its size less its free space), read from the collector's own record
/// of its latest collection every few milliseconds. An upper bound on what the analysis keeps alive at its peak: a young
/// collection counts the older generations whole, dead objects included. Either way, what every later collection must
/// trace more of, whatever the machine's speed.
/// </summary>
internal sealed class HeapWatch : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watch;
    private long _peak;
    private bool _disposed;

    public HeapWatch() => _watch = Task.Run(WatchAsync);

    /// <summary>The peak so far, in bytes.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _watch.Wait();
        _stop.Dispose();
    }

    private async Task WatchAsync()
    {
        var seen = GC.GetGCMemoryInfo(GCKind.Any).Index;
        while (!_stop.IsCancellationRequested)
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index != seen)
            {
                seen = info.Index;
                var live = info.HeapSizeBytes - info.FragmentedBytes;
                if (live > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, live);
                }
            }

            try
            {
                await Task.Delay(10, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
