namespace PiiGuard.Benchmarks;

/// <summary>
/// An emit of the analysed compilation after its analysis (<c>--emit</c>): its wall time, the collector's pauses in it, its
/// collections and whether it emitted (a compilation with errors stops early, and its time says nothing).
/// </summary>
internal readonly record struct EmitFigures(double Ms, double PauseMs, Collections Collections, bool Emitted);
