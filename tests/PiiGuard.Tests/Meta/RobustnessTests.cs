using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

/// <summary>No analyzer may throw (AD0001) on any input: empty, broken, or half typed.</summary>
public sealed class RobustnessTests
{
    private const string Typical = """
        using System;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public sealed class Customer
        {
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.Name)] public string Name { get; set; } = "";
        }

        public sealed class EnquiryService(ILogger<EnquiryService> logger)
        {
            public void Receive(Customer customer)
            {
                logger.LogInformation("Enquiry from {Email} ({Name})", customer.Email, customer.Name);
                Console.WriteLine(customer.Email);
            }
        }
        """;

    public static IEnumerable<object[]> Inputs() =>
    [
        ["empty", ""],
        ["only trivia", "// nothing here\n#if DEBUG\n#endif\n"],
        ["typical", Typical],
        ["broken member", "class C { [Pii(PiiCategory.)] string Email; void M() { System.Console.WriteLine(Email }"],
        ["unknown types", "class C { void M(Unknown u) { u.Logger.LogInformation(\"{x}\", u.Email); System.Console.WriteLine(u.Email); } }"],
        ["attribute with wrong arguments", "using PiiGuard; class C { [Pii(\"email\")] [Pii] [Pii(PiiCategory.Email, 3)] public string E = \"\"; void M() => System.Console.WriteLine(E); }"],
        ["category out of range", "using PiiGuard; class C { [Pii((PiiCategory)99)] public string E = \"\"; void M() => System.Console.WriteLine(E); }"],
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Analyzers_run_without_exception(string name, string source)
    {
        var (_, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(source), [.. AllAnalyzers.Analyzers]);
        Assert.True(exceptions.Count == 0, $"{name}: {string.Join(Environment.NewLine, exceptions)}");
    }

    [Fact]
    public async Task Analyzers_run_without_exception_on_every_prefix_of_typical_code()
    {
        // Code as it is typed: every cut through the file, a few characters apart.
        for (var length = 0; length <= Typical.Length; length += 7)
        {
            var (_, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(Typical[..length]), [.. AllAnalyzers.Analyzers]);
            Assert.True(exceptions.Count == 0, $"cut at {length}: {string.Join(Environment.NewLine, exceptions)}");
        }
    }

    [Fact]
    public async Task Typical_code_gives_the_expected_findings_so_the_harness_sees_diagnostics()
    {
        // Guards the robustness tests against a harness that silently runs nothing.
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(Typical), [.. AllAnalyzers.Analyzers]);
        Assert.Empty(exceptions);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "PII002"));
    }

    [Fact]
    public async Task Very_deep_expressions_do_not_exhaust_the_stack()
    {
        // A generated-looking 5,000-term concatenation (not marked generated) ending in personal data.
        var terms = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => $"\"{i}\""));
        var source = Typical.Replace("Console.WriteLine(customer.Email);", $"Console.WriteLine({terms} + customer.Email);", StringComparison.Ordinal);
        var (_, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(source), [.. AllAnalyzers.Analyzers]);
        Assert.Empty(exceptions);
    }

    [Fact]
    public async Task Concurrent_analysis_gives_the_same_diagnostics_as_sequential()
    {
        // Fresh compilations each time, so no memoised summary is shared between the two runs.
        var body = string.Join("\n", Flow.FlowCaseTests.Interprocedural().Select(row => ((string)row[1]).Replace("{|PII002:", "", StringComparison.Ordinal).Replace("|}", "", StringComparison.Ordinal)));
        var source = Flow.FlowHarness.InBody(body);
        static string Render(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => $"{d.Location.SourceSpan} {d.GetMessage()}").Order(StringComparer.Ordinal));

        var (sequential, _) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(source), concurrent: false, [.. AllAnalyzers.Analyzers]);
        var (concurrent, _) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(source), concurrent: true, [.. AllAnalyzers.Analyzers]);
        Assert.NotEmpty(sequential);
        Assert.Equal(Render(sequential), Render(concurrent));
    }
}
