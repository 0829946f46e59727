using System;
using System.Linq;
using System.Text;

namespace PiiGuard.Cli.DataMap;

/// <summary>The map for people (a data protection officer, a reviewer): a summary table, then each destination with its code locations.</summary>
internal static class MarkdownMapWriter
{
    public static string Write(PersonalDataMap map)
    {
        var text = new StringBuilder();
        text.Append("# Data map: ").Append(map.Name).Append("\n\n");
        text.Append("Where the code sends personal data, as PiiGuard's analysis follows it from `[Pii]` members (`piiguard map`).\n");
        text.Append("**Art. 9** marks the GDPR's special categories, **Art. 10** criminal offence data. Locations are `file:line`,\n");
        text.Append("relative to the project or solution.\n\n");

        text.Append("## Summary\n\n");
        text.Append("| kind | destination | categories |\n|---|---|---|\n");
        foreach (var sink in map.Sinks)
        {
            var categories = string.Join(", ", sink.Categories.Select(c => Category(c) + (c.Permitted == false ? " (not permitted)" : string.Empty)));
            text.Append("| ").Append(sink.Kind.Id()).Append(" | ").Append(Destination(sink)).Append(" | ").Append(categories).Append(" |\n");
        }

        if (map.Sinks.Count == 0)
        {
            text.Append("| – | no personal data leaves the code | – |\n");
        }

        foreach (var kind in Enum.GetValues<MapSinkKind>())
        {
            text.Append("\n## ").Append(kind.Heading()).Append('\n');
            var sinks = map.Sinks.Where(s => s.Kind == kind).ToList();
            if (sinks.Count == 0)
            {
                text.Append("\nNone.\n");
                continue;
            }

            foreach (var sink in sinks)
            {
                text.Append("\n### ").Append(Destination(sink)).Append("\n\n");
                if (sink.PermittedCategories is { } permitted)
                {
                    text.Append("Permitted by its agreement: ").Append(permitted.Count == 0 ? "no personal data" : string.Join(", ", permitted)).Append(".\n\n");
                    if (sink.ConflictingDeclarations is { } declarations)
                    {
                        text.Append("Declared with different permitted categories (only what every declaration permits counts as permitted): ")
                            .Append(string.Join("; ", declarations.Select(d =>
                                $"{(d.Categories.Count == 0 ? "no personal data" : string.Join(", ", d.Categories))} at {string.Join(", ", d.Locations)}")))
                            .Append(".\n\n");
                    }

                    text.Append("| category | permitted | code |\n|---|---|---|\n");
                }
                else
                {
                    text.Append("| category | code |\n|---|---|\n");
                }

                foreach (var category in sink.Categories)
                {
                    text.Append("| ").Append(Category(category)).Append(" | ");
                    if (category.Permitted is { } isPermitted)
                    {
                        text.Append(isPermitted ? "yes" : "**no**").Append(" | ");
                    }

                    text.Append(string.Join(", ", category.Locations)).Append(" |\n");
                }
            }
        }

        return text.ToString();
    }

    private static string Destination(MappedSink sink) => sink.Kind switch
    {
        MapSinkKind.Storage => $"{Escape(sink.Name)} ({(sink.Encrypted ? "encrypted" : "not encrypted")})",
        _ => Escape(sink.Name),
    };

    private static string Category(MappedCategory category) =>
        category.SpecialArticle is { } article ? $"{category.Category} **{article}**" : category.Category;

    // Sink names hold generics (Entity<Customer>): keep them literal in Markdown.
    private static string Escape(string name) => name.Replace("<", "\\<", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
