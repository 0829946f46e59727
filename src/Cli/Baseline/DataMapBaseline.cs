using System;
using System.Collections.Generic;
using System.Linq;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Baseline;

/// <summary>The reviewed record of where personal data may go: destination → categories, like a public-API baseline.</summary>
internal sealed record DataMapBaseline(IReadOnlyList<BaselineEntry> Entries)
{
    public static DataMapBaseline From(PersonalDataMap map) =>
        new(map.Sinks
            .GroupBy(s => (s.Kind, s.Key))
            .Select(g => new BaselineEntry(g.Key.Kind, g.Key.Key, g.SelectMany(s => s.Categories).Select(c => c.Category).Distinct().ToList()))
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Sink, StringComparer.Ordinal)
            .ToList());

    /// <summary>Whether the baseline records <paramref name="category"/> going to the destination.</summary>
    public bool Records(MapSinkKind kind, string sink, string category) =>
        Entries.Any(e => e.Kind == kind && e.Sink == sink && e.Categories.Contains(category));
}
