using System.Text;
using PiiGuard.Analyzers.Options;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

/// <summary>The README's rules table and options reference are the ones the code ships.</summary>
public sealed class ReadmeTests
{
    private const string Start = "<!-- rules:start (generated from the descriptors by ReadmeTests; PIIGUARD_UPDATE_DOCS=1 rewrites it) -->";
    private const string End = "<!-- rules:end -->";

    private static string Readme => Repository.PathOf("README.md");

    [Fact]
    public void The_rules_table_is_generated_from_the_descriptors() =>
        GeneratedSection.AssertCurrent(Readme, Start, End, RulesTable());

    [Fact]
    public void The_options_reference_lists_every_option_the_analyzers_read()
    {
        var text = File.ReadAllText(Readme);
        Assert.All(PiiGuardOptions.Keys, key => Assert.Contains($"| `{key}` |", text, StringComparison.Ordinal));
    }

    private static string RulesTable()
    {
        var fixable = AllAnalyzers.CodeFixes.SelectMany(fix => fix.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        var table = new StringBuilder("\n| ID | Title | Category | Default severity | Code fixes (Fix All) |\n|---|---|---|---|---|\n");
        foreach (var descriptor in AllAnalyzers.Descriptors.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            table.Append($"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} | {(fixable.Contains(descriptor.Id) ? "yes" : "no")} |\n");
        }

        return table.ToString();
    }
}
