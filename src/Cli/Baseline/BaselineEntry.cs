using System.Collections.Generic;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Baseline;

/// <summary>The categories of personal data a destination is recorded to receive. No code locations: moving code is not a new flow.</summary>
internal sealed record BaselineEntry(MapSinkKind Kind, string Sink, IReadOnlyList<string> Categories);
