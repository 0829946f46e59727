using System.Collections.Generic;
using System.Linq;
using System.Text;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Baseline;

/// <summary>
/// What the drift check found: flows the code has and the baseline does not record (they fail the
/// check: a new flow of personal data needs a reviewed baseline change) and flows the baseline records
/// that the code no longer has (they pass: the baseline may be trimmed).
/// </summary>
internal sealed record DriftReport(IReadOnlyList<DriftedFlow> Added, IReadOnlyList<DriftedFlow> Removed)
{
    public bool Fails => Added.Count > 0;

    public static DriftReport Compare(DataMapBaseline baseline, PersonalDataMap map)
    {
        var added = map.Sinks
            .SelectMany(s => s.Categories.Select(c => new DriftedFlow(s.Kind, s.Key, c.Category, c.Permitted, c.Locations)))
            .Where(f => !baseline.Records(f.Kind, f.Sink, f.Category))
            .ToList();
        var current = DataMapBaseline.From(map);
        var removed = baseline.Entries
            .OrderBy(e => e.Kind)
            .ThenBy(e => e.Sink, System.StringComparer.Ordinal)
            .SelectMany(e => e.Categories.Distinct().Select(c => new DriftedFlow(e.Kind, e.Sink, c, null, new List<CodeLocation>())))
            .Where(f => !current.Records(f.Kind, f.Sink, f.Category))
            .ToList();
        return new DriftReport(added, removed);
    }

    /// <summary>The report as a reviewer reads it, diff-style: <c>+</c> new flows, <c>-</c> flows gone.</summary>
    public string Describe(string baselinePath, string writeBaselineCommand)
    {
        var text = new StringBuilder();
        if (Added.Count > 0)
        {
            text.Append("New flows of personal data that ").Append(baselinePath).Append(" does not record:\n");
            foreach (var flow in Added)
            {
                text.Append("+ ").Append(flow.Kind.Id()).Append(" \"").Append(flow.Sink).Append("\" receives ").Append(flow.Category);
                // Art. 9 lists the special categories; Art. 10 criminal offence data is protected apart from them.
                switch (GdprCategories.SpecialArticle(flow.Category))
                {
                    case "Art. 10":
                        text.Append(" (Art. 10 criminal offence data)");
                        break;
                    case { } article:
                        text.Append(" (").Append(article).Append(" special category)");
                        break;
                }

                if (flow.Permitted == false)
                {
                    text.Append(" (not permitted by its agreement)");
                }

                text.Append(" at ").Append(string.Join(", ", flow.Locations)).Append('\n');
            }

            text.Append("Review them. If they are intended, record them in the baseline with: ").Append(writeBaselineCommand).Append('\n');
        }

        if (Removed.Count > 0)
        {
            text.Append("Flows ").Append(baselinePath).Append(" records that the code no longer has (they can be removed from the baseline):\n");
            foreach (var flow in Removed)
            {
                text.Append("- ").Append(flow.Kind.Id()).Append(" \"").Append(flow.Sink).Append("\" receives ").Append(flow.Category).Append('\n');
            }
        }

        if (Added.Count == 0 && Removed.Count == 0)
        {
            text.Append("The code sends personal data only where ").Append(baselinePath).Append(" records.\n");
        }

        return text.ToString();
    }
}
