using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PiiGuard.Tests.Infrastructure;

/// <summary>The short alias of Microsoft.CodeAnalysis.Testing for one analyzer, and its fixer.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) =>
        new DiagnosticResult(id, DiagnosticSeverity.Warning);

    /// <summary>Analyses <paramref name="source"/> and expects the markup's diagnostics and <paramref name="expected"/>, nothing else.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerWithOptionsAsync(source, editorConfig: null, expected);

    /// <summary>As <see cref="AnalyzerAsync"/>, under an <c>.editorconfig</c> with <paramref name="editorConfig"/> in its <c>[*.cs]</c> section.</summary>
    public static Task AnalyzerWithOptionsAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*.cs]\n{editorConfig}\n"));
        }

        Configure(test);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Applies the fix named <paramref name="equivalenceKey"/> (the first offered when null) to every diagnostic of
    /// <paramref name="source"/>, one at a time and by fix-all in document, project and solution, and expects
    /// <paramref name="fixedSource"/>: code that compiles and that the analyzer no longer reports, unless marked.
    /// </summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, int? iterations = null, string? equivalenceKey = null, int? codeActionIndex = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            CodeActionIndex = codeActionIndex,
        };
        // Markup left in the fixed code is a finding the fix must leave (say, where a string cannot stand).
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        if (iterations is { } count)
        {
            test.NumberOfFixAllIterations = count;
            test.NumberOfFixAllInDocumentIterations = count;
            test.NumberOfIncrementalIterations = count;
        }

        Configure(test);
        return test.RunAsync();
    }

    private static void Configure<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = TestReferences.None;
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (test is CodeFixTest<TVerifier> fixTest)
        {
            fixTest.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}
