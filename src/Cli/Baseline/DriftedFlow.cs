using System.Collections.Generic;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Baseline;

/// <summary>A category going to a destination that the code and the baseline disagree on; locations only for flows in the code.</summary>
internal sealed record DriftedFlow(MapSinkKind Kind, string Sink, string Category, bool? Permitted, IReadOnlyList<CodeLocation> Locations);
