namespace PiiGuard.Benchmarks;

/// <summary>How many collections of each generation the collector has made (a collection of an older generation counts for the younger ones too).</summary>
internal readonly record struct Collections(int Gen0, int Gen1, int Gen2)
{
    public static Collections Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    public static Collections operator -(Collections after, Collections before) =>
        new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);

    public override string ToString() => $"{Gen0}/{Gen1}/{Gen2}";
}
