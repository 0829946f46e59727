using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

/// <summary>
/// Code as it is typed: every sample file and the C# embedded in the tests, cut off at many points and
/// with random token spans deleted (seeded, so a failure reproduces), through every analyzer and every
/// code fix. Not one exception, AD0001 included.
/// </summary>
public sealed class TypingRobustnessTests
{
    private const int EmbeddedChunks = 4;

    // Bounds the run to well under a minute in CI: the embedded inputs are many and alike.
    private const int MaxEmbeddedInputs = 120;

    public static IEnumerable<object[]> Groups() =>
        SampleFiles().Select(path => new object[] { "sample " + Path.GetFileName(path) })
            .Concat(Enumerable.Range(0, EmbeddedChunks).Select(chunk => new object[] { $"embedded {chunk}" }));

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task Analyzers_and_fixes_throw_nothing_on_code_being_typed(string group)
    {
        var inputs = group.StartsWith("sample ", StringComparison.Ordinal)
            ? [File.ReadAllText(SampleFiles().Single(path => Path.GetFileName(path) == group["sample ".Length..]))]
            : EmbeddedSources().Where((_, i) => i % EmbeddedChunks == int.Parse(group["embedded ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(inputs);

        var random = new Random(group.Length * 7919 + inputs.Count);
        var failures = new List<string>();
        var variantsRun = 0;
        foreach (var input in inputs)
        {
            var variants = Variants(input, random).ToList();
            for (var i = 0; i < variants.Count; i++)
            {
                // Fixes are costlier (a workspace per variant): applied on every other variant. Every third variant run (counted
                // over the inputs, so every kind of cut and deletion gets them) is analysed with the options on: inferred
                // personal data counted, storage encrypting three categories.
                failures.AddRange(await FailuresAsync(variants[i], applyFixes: i % 2 == 0, withOptions: variantsRun % 3 == 1));
                variantsRun++;
            }
        }

        Assert.True(variantsRun > 0);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, failures.Take(5)));
    }

    [Fact]
    public void The_inputs_are_found_so_the_test_cannot_pass_on_nothing()
    {
        Assert.NotEmpty(SampleFiles());
        Assert.True(EmbeddedSources().Count >= 50, $"only {EmbeddedSources().Count} embedded sources found");
    }

    /// <summary>The text cut at evenly spread and random points, and with token spans deleted.</summary>
    private static IEnumerable<string> Variants(string source, Random random)
    {
        for (var cut = 1; cut <= 5; cut++)
        {
            yield return source[..(source.Length * cut / 6)];
        }

        yield return source[..random.Next(source.Length + 1)];
        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        for (var deletion = 0; deletion < 3 && tokens.Count > 1; deletion++)
        {
            var first = random.Next(tokens.Count);
            var last = Math.Min(tokens.Count - 1, first + random.Next(6));
            var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(tokens[first].SpanStart, tokens[last].Span.End);
            yield return source.Remove(span.Start, span.Length);
        }
    }

    private static readonly AnalyzerOptions s_noOptions = new(ImmutableArray<AdditionalText>.Empty);

    private static readonly AnalyzerOptions s_options = new(
        ImmutableArray<AdditionalText>.Empty,
        new PiiGuard.Benchmarks.FixedOptionsProvider(new Dictionary<string, string>
        {
            ["piiguard.treat_inferred_as_pii"] = "true",
            ["piiguard.storage.encrypt_categories"] = "Email, PhoneNumber, DateOfBirth",
        }));

    private static async Task<IReadOnlyList<string>> FailuresAsync(string source, bool applyFixes, bool withOptions)
    {
        var failures = new List<string>();
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Typing",
            "Typing",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.All));
        var document = workspace.AddDocument(project.Id, "Typed.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var options = new CompilationWithAnalyzersOptions(
            withOptions ? s_options : s_noOptions,
            (exception, analyzer, _) => { lock (failures) { failures.Add($"{analyzer.GetType().Name} threw {exception}\n--- on:\n{source}"); } },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers, options).GetAnalyzerDiagnosticsAsync();
        failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => $"{d.GetMessage()}\n--- on:\n{source}"));
        if (!applyFixes)
        {
            return failures;
        }

        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource))
        {
            foreach (var fixer in AllAnalyzers.CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    await ApplyAsync(fixer, document, diagnostic);
                }
                catch (Exception exception)
                {
                    failures.Add($"{fixer.GetType().Name} on {diagnostic.Id} threw {exception}\n--- on:\n{source}");
                }
            }
        }

        return failures;
    }

    private static async Task ApplyAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        foreach (var action in actions)
        {
            foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
            {
                if (operation is ApplyChangesOperation apply)
                {
                    foreach (var changed in apply.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                    {
                        await (await apply.ChangedSolution.GetDocument(changed)!.GetSyntaxRootAsync())!.SyntaxTree.GetTextAsync();
                    }
                }
            }
        }
    }

    private static IReadOnlyList<string> SampleFiles() =>
        Directory.EnumerateFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static readonly Lazy<IReadOnlyList<string>> s_embedded = new(ReadEmbeddedSources);

    private static IReadOnlyList<string> EmbeddedSources() => s_embedded.Value;

    // The raw string literals of the test files that declare a type: the C# the rule tests analyse, markup removed.
    private static IReadOnlyList<string> ReadEmbeddedSources()
    {
        var sources = Directory.EnumerateFiles(Repository.PathOf("tests", "PiiGuard.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .SelectMany(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>())
            .Where(literal => literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
            .Select(literal => Unmark(literal.Token.ValueText))
            .Where(text => text.Contains("class ", StringComparison.Ordinal) || text.Contains("record ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // An even spread when there are more than the bound.
        var stride = Math.Max(1, (sources.Count + MaxEmbeddedInputs - 1) / MaxEmbeddedInputs);
        return sources.Where((_, i) => i % stride == 0).ToList();
    }

    private static string Unmark(string text)
    {
        var unmarked = System.Text.RegularExpressions.Regex.Replace(text, @"\{\|[A-Z0-9]+:", "");
        return unmarked.Replace("|}", "", StringComparison.Ordinal).Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal);
    }
}
