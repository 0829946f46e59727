using System.Reflection;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

public sealed class DescriptorTests
{
    [Fact]
    public void The_catalogue_holds_exactly_the_six_contract_ids()
    {
        var contractIds = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!);
        Assert.Equal(
            ["PII001", "PII002", "PII003", "PII004", "PII100", "PII101"],
            AllAnalyzers.Descriptors.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(contractIds.Order(StringComparer.Ordinal), AllAnalyzers.Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AllAnalyzers.DescriptorData), MemberType = typeof(AllAnalyzers))]
    public void Descriptor_has_a_help_link_to_its_doc_page_and_the_page_exists(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        Assert.Equal($"{Descriptors.HelpLinkBase}{id}.md", descriptor.HelpLinkUri);
        Assert.StartsWith("PiiGuard.", descriptor.Category, StringComparison.Ordinal);
        Assert.True(descriptor.IsEnabledByDefault);

        var page = Repository.PathOf("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no documentation page at {page}");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
    }

    [Theory]
    [MemberData(nameof(AllAnalyzers.DescriptorData), MemberType = typeof(AllAnalyzers))]
    public void Doc_page_states_the_descriptor_and_covers_what_a_team_needs(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        var page = File.ReadAllText(Repository.PathOf("docs", "rules", id + ".md"));
        Assert.Contains($"| Category | {descriptor.Category} |", page, StringComparison.Ordinal);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", page, StringComparison.Ordinal);
        string[] sections = ["## Cause", "## Why it matters", "## Examples", "## How to fix", "### Code fixes", "## Options", "## How to suppress"];
        Assert.All(sections, section => Assert.Contains("\n" + section + "\n", page.ReplaceLineEndings("\n"), StringComparison.Ordinal));
        Assert.Matches(@"Art\. \d+", page);
        Assert.Contains($"#pragma warning disable {id}", page, StringComparison.Ordinal);
        Assert.Contains($"[SuppressMessage(\"{descriptor.Category}\", \"{id}:{descriptor.Title}\"", page, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity = none", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllAnalyzers.DescriptorData), MemberType = typeof(AllAnalyzers))]
    public void Descriptor_is_tracked_in_the_release_files(string id)
    {
        var descriptor = AllAnalyzers.Descriptors.Single(d => d.Id == id);
        var releases = File.ReadAllText(Repository.PathOf("src", "Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Repository.PathOf("src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity}", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void The_analyzer_knows_every_PiiCategory_by_its_value() =>
        // The analyzer cannot reference PiiGuard.Attributes, so it mirrors the enum: keep them in step.
        Assert.Equal(Enum.GetNames<PiiCategory>(), PiiCategorySet.Names);

    [Fact]
    public void Every_diagnostic_a_fixer_fixes_is_in_the_catalogue()
    {
        var ids = AllAnalyzers.Descriptors.Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(AllAnalyzers.CodeFixes);
        Assert.All(AllAnalyzers.CodeFixes.SelectMany(fix => fix.FixableDiagnosticIds), id => Assert.Contains(id, ids));
        Assert.All(AllAnalyzers.CodeFixes, fix => Assert.NotNull(fix.GetFixAllProvider()));
    }
}
