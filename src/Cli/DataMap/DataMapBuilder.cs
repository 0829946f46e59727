using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Cli.DataMap;

/// <summary>
/// Groups the flows into the map: one entry per destination, one row per category, the code locations
/// relative to the mapped project or solution, everything sorted so a new flow is a small diff.
/// </summary>
internal static class DataMapBuilder
{
    public static PersonalDataMap Build(string name, string baseDirectory, IEnumerable<CollectedFlow> flows)
    {
        var sinks = new List<MappedSink>();
        foreach (var sink in flows.GroupBy(f => (f.Kind, f.Sink, f.Encrypted)))
        {
            // Two declarations of one processor name may permit different categories, and the engine reports
            // flows in no fixed order: the agreement is what every declaration permits (the intersection), and a
            // category is permitted only if every flow carrying it went to a declaration that permits it.
            var declarations = sink
                .Where(f => f.Permitted is not null)
                .GroupBy(f => Indices(f.Permitted!.Value).ToList(), SequenceComparer.Instance)
                .Select(g => new PermittedDeclaration(
                    g.Key.Select(i => PiiCategorySet.Names[i]).ToList(),
                    g.Select(f => Locate(f, baseDirectory)).Distinct().OrderBy(l => l).ToList()))
                .OrderBy(d => d.Locations[0])
                .ToList();
            var byCategory = new SortedDictionary<int, SortedSet<CodeLocation>>();
            var refused = new HashSet<int>();
            foreach (var flow in sink)
            {
                var location = Locate(flow, baseDirectory);
                foreach (var category in Indices(flow.Categories))
                {
                    if (!byCategory.TryGetValue(category, out var locations))
                    {
                        byCategory[category] = locations = new SortedSet<CodeLocation>();
                    }

                    locations.Add(location);
                    if (flow.Permitted is { } agreement && !agreement.Overlaps(PiiCategorySet.Of(category)))
                    {
                        refused.Add(category);
                    }
                }
            }

            var categories = byCategory
                .Select(c => new MappedCategory(
                    PiiCategorySet.Names[c.Key],
                    declarations.Count > 0 ? !refused.Contains(c.Key) : null,
                    c.Value.ToList()))
                .ToList();
            var permitted = declarations.Count == 0
                ? null
                : declarations.Skip(1).Aggregate((IEnumerable<string>)declarations[0].Categories, (all, d) => all.Intersect(d.Categories)).ToList();
            sinks.Add(new MappedSink(
                sink.Key.Kind,
                sink.Key.Sink,
                sink.Key.Encrypted,
                permitted,
                categories,
                declarations.Count > 1 ? declarations : null));
        }

        return new PersonalDataMap(name, sinks.OrderBy(s => s.Kind).ThenBy(s => s.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>The enum values in a set, in the enum's order.</summary>
    private static IEnumerable<int> Indices(PiiCategorySet set) =>
        Enumerable.Range(0, PiiCategorySet.Names.Count).Where(i => set.Overlaps(PiiCategorySet.Of(i)));

    private static CodeLocation Locate(CollectedFlow flow, string baseDirectory)
    {
        var span = flow.Location.GetLineSpan();
        var path = span.Path;
        if (Path.IsPathRooted(path))
        {
            path = Path.GetRelativePath(baseDirectory, path);
        }

        return new CodeLocation(path.Replace('\\', '/'), span.StartLinePosition.Line + 1);
    }

    private sealed class SequenceComparer : IEqualityComparer<List<int>>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(List<int>? x, List<int>? y) => x is null ? y is null : y is not null && x.SequenceEqual(y);

        public int GetHashCode(List<int> obj) => obj.Aggregate(17, (hash, i) => (hash * 31) + i);
    }
}
