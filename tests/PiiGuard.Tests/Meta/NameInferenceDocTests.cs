using System.Text;
using PiiGuard.Analyzers.Inference;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

/// <summary>docs/name-inference.md publishes the dictionary PII100 uses: the table there is the table in the code.</summary>
public sealed class NameInferenceDocTests
{
    private const string Start = "<!-- dictionary:start (generated from PersonalDataNames.Terms by NameInferenceDocTests; PIIGUARD_UPDATE_DOCS=1 rewrites it) -->";
    private const string End = "<!-- dictionary:end -->";

    [Fact]
    public void The_published_dictionary_is_the_one_the_analyzer_uses() =>
        GeneratedSection.AssertCurrent(Repository.PathOf("docs", "name-inference.md"), Start, End, Table());

    private static string Table()
    {
        var table = new StringBuilder("\n| Category | Names (identifier words) | Only after | Value types |\n|---|---|---|---|\n");
        foreach (var term in PersonalDataNames.Terms)
        {
            var before = term.RequiredBefore is { } words
                ? string.Join(", ", words.OrderBy(w => w, StringComparer.Ordinal)) + (term.AlsoFirst ? "; or first in the name" : term.AlsoFirstOnPersonType ? "; or first in the name of a person type's member" : string.Empty)
                : string.Empty;
            table.Append($"| {term.Category} | {string.Join(", ", term.Phrases.Select(p => $"`{p}`"))} | {before} | {Shapes(term.Shapes)} |\n");
        }

        return table.ToString();
    }

    private static string Shapes(ValueShape shapes) => string.Join(", ", Enum.GetValues<ValueShape>()
        .Where(shape => shape != ValueShape.None && shapes.HasFlag(shape))
        .Select(shape => shape switch
        {
            ValueShape.Text => "text",
            ValueShape.Date => "date",
            ValueShape.Integer => "integer",
            ValueShape.Coordinate => "floating point",
            ValueShape.Category => "enum or char",
            ValueShape.Bytes => "byte[]",
            ValueShape.IpAddress => "IPAddress",
            _ => shape.ToString(),
        }));
}
