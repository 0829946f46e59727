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
            var permitted = sink.Select(f => f.Permitted).FirstOrDefault(p => p is not null);
            var byCategory = new SortedDictionary<int, SortedSet<CodeLocation>>();
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
                }
            }

            var categories = byCategory
                .Select(c => new MappedCategory(
                    PiiCategorySet.Names[c.Key],
                    permitted is { } agreement ? agreement.Overlaps(PiiCategorySet.Of(c.Key)) : null,
                    c.Value.ToList()))
                .ToList();
            sinks.Add(new MappedSink(
                sink.Key.Kind,
                sink.Key.Sink,
                sink.Key.Encrypted,
                permitted is { } declared ? Indices(declared).Select(i => PiiCategorySet.Names[i]).ToList() : null,
                categories));
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
}
