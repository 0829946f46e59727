namespace PiiGuard.Benchmarks;

/// <summary>An emit of the analysed compilation after its analysis (<c>--emit</c>): its wall time, the collector's pauses in it and its collections.</summary>
internal readonly record struct EmitFigures(double Ms, double PauseMs, Collections Collections);
