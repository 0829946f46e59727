using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Benchmarks;
using PiiGuard.Tests.Infrastructure;
using PiiGuard.Tests.Meta;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// As one types for a while: a chain of random edits of a code base (a sink given a parameter, a body emptied, statements
/// deleted, doubled or copied from another member, a call made to another method, tokens deleted mid-word, now and then
/// a new parameter or the option counting inferred personal data turned), each a new snapshot that keeps the other
/// files' trees, with the IDE's requests after each edit: the light bulb's for the edited member, then the documents' for
/// the edited one and a few others (one after another, or four at a time). Every request must give what a fresh
/// compilation of the same text gives: the answers the snapshots carry over an edit (<see cref="SnapshotAnswers"/>) must
/// never hide a finding or invent one.
/// Seeded, so a failure reproduces; <c>PIIGUARD_EDIT_CHAINS=n</c> runs n more chains of the generated code and n/4 of
/// PiiGuard's own analyzers (a longer campaign, locally).
/// </summary>
public sealed class EditChainTests
{
    // The chains CI runs; a campaign's are longer, so more answers are carried through more snapshots.
    private const int Steps = 14;
    private const int CampaignSteps = 30;

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    // The generated dealer CRM (marked models, services, processor clients) and PiiGuard's own analyzers: real code, one
    // large cycle of mutually recursive methods, no markings (so with inferred personal data only, when on).
    private static readonly Dictionary<string, Lazy<Corpus>> s_corpora = new(StringComparer.Ordinal)
    {
        ["generated"] = new(() => new(CorpusGenerator.Generate(3_000), TestReferences.All)),
        ["analyzers"] = new(() => new(
            Directory.EnumerateFiles(Repository.PathOf("src", "Analyzers"), "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .Order(StringComparer.Ordinal)
                .Select(path => (Path.GetRelativePath(Repository.PathOf("src"), path), File.ReadAllText(path)))
                .ToList(),
            TestReferences.All.AddRange(new MetadataReference[]
            {
                MetadataReference.CreateFromFile(typeof(SyntaxNode).Assembly.Location),
                MetadataReference.CreateFromFile(typeof(CSharpSyntaxNode).Assembly.Location),
            }))),
    };

    public static IEnumerable<object[]> Chains()
    {
        var more = int.TryParse(Environment.GetEnvironmentVariable("PIIGUARD_EDIT_CHAINS"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
        return Enumerable.Range(1, 4 + more).Select(seed => new object[] { "generated", seed, seed % 2 == 0 })
            .Concat(Enumerable.Range(1, more / 4).Select(seed => new object[] { "analyzers", seed, true }));
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public async Task Per_document_requests_along_a_chain_of_edits_give_what_a_fresh_compilation_gives(string corpus, int seed, bool treatInferredAsPii)
    {
        var random = new Random(seed);
        var code = s_corpora[corpus].Value;
        var compilation = code.Compile(code.Files);
        var log = new List<string>();
        var (findings, changedSteps, carried) = (0, 0, 0);

        // The IDE's first requests: every document of the first snapshot.
        var (_, before) = await CompareAsync(code, compilation, compilation.SyntaxTrees.ToList(), span: null, treatInferredAsPii, concurrently: false, log);
        var steps = seed <= 4 && corpus == "generated" ? Steps : CampaignSteps;
        for (var step = 0; step < steps; step++)
        {
            var (edited, description) = EditSomewhere(compilation, code, random, step);
            log.Add(description);
            compilation = edited.Compilation;
            if (random.Next(10) == 0)
            {
                // The .editorconfig edited too: the source answers rest on the inferred markings, the sink answers on nothing.
                treatInferredAsPii = !treatInferredAsPii;
                log.Add($"treat_inferred_as_pii={treatInferredAsPii}@{step}");
            }

            // The edited document and two others, as open tabs; every fifth step, all of them (a solution-wide pass).
            var requested = step % 5 == 4
                ? compilation.SyntaxTrees.ToList()
                : compilation.SyntaxTrees.Where(tree => tree != edited.Tree).OrderBy(_ => random.Next()).Take(2).Prepend(edited.Tree).ToList();
            var (found, after) = await CompareAsync(code, compilation, requested, (edited.Tree, edited.Member), treatInferredAsPii, concurrently: step % 2 == 1, log);
            findings += found;
            changedSteps += after.Any(file => !before.TryGetValue(file.Key, out var was) || was != file.Value) ? 1 : 0;
            carried += SnapshotAnswers.Latest(compilation.SyntaxTrees.First())?.AnswersCarried ?? 0;
            before = after;
        }

        // Each check must have had something to check: answers carried over an edit, and, in the generated code, findings
        // after the edits that some edit changed. PiiGuard's own analyzers hold no personal data (no finding in any chain
        // run so far): their chains check that what the engine's cycle carries invents nothing and throws nothing
        // (campaigns only: over a minute a chain).
        Assert.True(carried > 0, "no snapshot of the chain carried an answer");
        Assert.True(corpus == "analyzers" || findings > 0 && changedSteps > 0, $"{findings} findings after the edits, {changedSteps} edits changed any");
    }

    [Fact]
    public void Every_kind_of_edit_applies_to_the_corpus()
    {
        var code = s_corpora["generated"].Value;
        var compilation = code.Compile(code.Files);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(0);
        for (var i = 0; i < 400 && kinds.Count < EditKinds.Length; i++)
        {
            var (_, description) = EditSomewhere(compilation, code, random, i);
            kinds.Add(description.Split(' ')[0]);
        }

        Assert.Equal(EditKinds.Order(StringComparer.Ordinal), kinds.Order(StringComparer.Ordinal));
    }

    private static readonly string[] EditKinds =
        ["log-parameter", "throw-parameter", "empty-body", "delete-statement", "double-statement", "delete-tokens", "add-parameter", "copy-statement", "call-another"];

    // Each document's requested diagnostics against a fresh compilation's of the same text (parsed anew: nothing carried).
    // Gives the findings of the requests and the fresh compilation's diagnostics by file.
    private static async Task<(int Findings, Dictionary<string, string> ByFile)> CompareAsync(
        Corpus code, CSharpCompilation compilation, IReadOnlyList<SyntaxTree> requested, (SyntaxTree Tree, TextSpan Span)? span, bool treatInferredAsPii, bool concurrently, List<string> log)
    {
        var thrown = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers([.. AllAnalyzers.Analyzers], Options(treatInferredAsPii, thrown));
        using var lanes = new SemaphoreSlim(concurrently ? 4 : 1);
        async Task<IEnumerable<Diagnostic>> RequestAsync(SyntaxTree tree)
        {
            await lanes.WaitAsync();
            try
            {
#pragma warning disable RS1030 // A test asks for its own compilation's documents, as the IDE does.
                var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
#pragma warning restore RS1030
                return result.GetAllDiagnostics().Where(d => d.Location.SourceTree == tree);
            }
            finally
            {
                lanes.Release();
            }
        }

        // First the light bulb's request for the member at the edit, when there is one.
        var inSpan = span is var (spanTree, member)
            ? Render((await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(spanTree), member, CancellationToken.None))
                .GetAllDiagnostics().Where(d => d.Location.SourceTree == spanTree && member.Contains(d.Location.SourceSpan)))
            : "";

        // One request after another, or, every other time, four at a time on the thread pool, as the IDE asks for its open
        // documents: the first questions of a snapshot then race for the carried answers' check.
        var byDocument = (await Task.WhenAll(requested.Select(tree => Task.Run(() => RequestAsync(tree))))).SelectMany(diagnostics => diagnostics).ToList();

        var fresh = code.Compile(compilation.SyntaxTrees.Select(tree => (tree.FilePath, tree.GetText().ToString())));
        var whole = await fresh.WithAnalyzers([.. AllAnalyzers.Analyzers], Options(treatInferredAsPii, thrown)).GetAnalyzerDiagnosticsAsync();
        var paths = requested.Select(tree => tree.FilePath).ToHashSet(StringComparer.Ordinal);
        var expected = Render(whole.Where(d => d.Location.SourceTree is { } tree && paths.Contains(tree.FilePath)));
        var actual = Render(byDocument);

        var when = $"after the edits {string.Join(", ", log)} ({(concurrently ? "four requests at a time" : "one request at a time")})";
        Assert.True(thrown.IsEmpty, $"{when}: {thrown.FirstOrDefault()}");
        Assert.True(expected == actual, $"{when}:\nfresh compilation:\n{expected}\nper-document requests:\n{actual}");
        if (span is var (tree, edited))
        {
            var expectedInSpan = Render(whole.Where(d => d.Location.SourceTree?.FilePath == tree.FilePath && edited.Contains(d.Location.SourceSpan)));
            Assert.True(expectedInSpan == inSpan, $"{when}, the span {edited}:\nfresh compilation:\n{expectedInSpan}\nspan request:\n{inSpan}");
        }

        var byFile = whole.Where(d => d.Location.SourceTree is not null)
            .GroupBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal)
            .ToDictionary(file => file.Key, file => Render(file), StringComparer.Ordinal);
        return (byDocument.Count(d => d.Id.StartsWith("PII", StringComparison.Ordinal)), byFile);
    }

    // A new options provider for every snapshot, as the IDE makes one with each project state: the values decide.
    private static CompilationWithAnalyzersOptions Options(bool treatInferredAsPii, ConcurrentQueue<Exception> thrown) =>
        new(
            new AnalyzerOptions(
                ImmutableArray<AdditionalText>.Empty,
                new FixedOptionsProvider(new Dictionary<string, string> { ["piiguard.treat_inferred_as_pii"] = treatInferredAsPii ? "true" : "false" })),
            onAnalyzerException: (exception, _, _) => thrown.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

    private sealed record Corpus(IReadOnlyList<(string Path, string Text)> Files, ImmutableArray<MetadataReference> References)
    {
        public IReadOnlyList<string> MethodNames { get; } = Files
            .SelectMany(file => CSharpSyntaxTree.ParseText(file.Text, s_parseOptions).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            .Select(method => method.Identifier.ValueText)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        public CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files) =>
            CSharpCompilation.Create(
                "Chain" + Guid.NewGuid().ToString("N"),
                files.Select(file => CSharpSyntaxTree.ParseText(file.Text, s_parseOptions, file.Path)),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Location.SourceTree?.FilePath} {d.Location.GetLineSpan().Span} {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));

    // One edit of one member with a body, in a random file, as the editor makes it (the tree reparsed incrementally): the
    // new compilation, the edited tree and the edited member's span in it.
    private static ((CSharpCompilation Compilation, SyntaxTree Tree, TextSpan Member), string Description) EditSomewhere(CSharpCompilation compilation, Corpus code, Random random, int step)
    {
        while (true)
        {
            var tree = compilation.SyntaxTrees.ElementAt(random.Next(compilation.SyntaxTrees.Count()));
            var members = tree.GetRoot().DescendantNodes().Where(node => Body(node) is not null).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            var member = members[random.Next(members.Count)];
            if (Change(member, code.MethodNames, random, step) is not { } change)
            {
                continue;
            }

            var text = tree.GetText();
            var edited = tree.WithChangedText(text.WithChanges(change.Change));
            var name = member switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText + "..ctor",
                AccessorDeclarationSyntax accessor => accessor.Keyword.ValueText,
                _ => member.Kind().ToString(),
            };
            var span = new TextSpan(member.SpanStart, member.Span.Length + change.Change.NewText!.Length - change.Change.Span.Length);
            return ((compilation.ReplaceSyntaxTree(tree, edited), edited, span), $"{change.Kind} {tree.FilePath}:{name}@{step}");
        }
    }

    private static SyntaxNode? Body(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
        _ => null,
    };

    private static SimpleNameSyntax? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        SimpleNameSyntax name => name,
        MemberAccessExpressionSyntax access => access.Name,
        MemberBindingExpressionSyntax binding => binding.Name,
        _ => null,
    };

    private static (string Kind, TextChange Change)? Change(SyntaxNode member, IReadOnlyList<string> methodNames, Random random, int step)
    {
        var body = Body(member)!;
        var block = body as BlockSyntax;
        var arrow = (body as ArrowExpressionClauseSyntax)?.Expression;
        var parameters = member switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters.Where(p => !p.Modifiers.Any(SyntaxKind.OutKeyword)).Select(p => p.Identifier.ValueText).ToList(),
            AccessorDeclarationSyntax { Keyword.ValueText: "set" or "init" } => ["value"],
            _ => [],
        };
        var parameter = parameters.Count > 0 ? parameters[random.Next(parameters.Count)] : null;
        var statements = block?.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax).ToList() ?? [];

        switch (random.Next(EditKinds.Length))
        {
            case 0 when parameter is not null && block is not null:
                return ("log-parameter", new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), $" System.Console.WriteLine({parameter});"));
            case 1 when parameter is not null:
                var thrown = $"throw new System.InvalidOperationException(\"Failed: \" + {parameter})";
                return block is not null
                    ? ("throw-parameter", new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), $" if ({parameter} is null) {thrown};"))
                    : ("throw-parameter", new TextChange(arrow!.Span, thrown));
            case 2:
                const string Empty = "throw new System.NotImplementedException()";
                return block is not null
                    ? ("empty-body", new TextChange(TextSpan.FromBounds(block.OpenBraceToken.Span.End, block.CloseBraceToken.SpanStart), $" {Empty}; "))
                    : ("empty-body", new TextChange(arrow!.Span, Empty));
            case 3 when statements.Count > 0:
                return ("delete-statement", new TextChange(statements[random.Next(statements.Count)].Span, ""));
            case 4 when statements.Count > 0:
                var doubled = statements[random.Next(statements.Count)];
                return ("double-statement", new TextChange(new TextSpan(doubled.Span.End, 0), " " + doubled.ToString()));
            case 5:
                var tokens = body.DescendantTokens().ToList();
                var first = random.Next(tokens.Count);
                var last = Math.Min(tokens.Count - 1, first + random.Next(4));
                return ("delete-tokens", new TextChange(TextSpan.FromBounds(tokens[first].SpanStart, tokens[last].Span.End), ""));
            case 6 when member is BaseMethodDeclarationSyntax { ParameterList: var list } && !list.Parameters.Any(p => p.Modifiers.Any(SyntaxKind.ParamsKeyword)):
                var added = (list.Parameters.Count > 0 ? ", " : "") + $"int extra{step} = 0";
                return ("add-parameter", new TextChange(new TextSpan(list.CloseParenToken.SpanStart, 0), added));
            case 7 when block is not null:
                // A statement of another member of the file: it may read personal data, fill a field or log.
                var elsewhere = member.SyntaxTree.GetRoot().DescendantNodes().OfType<StatementSyntax>()
                    .Where(s => s is not BlockSyntax && !member.Span.Contains(s.Span)).ToList();
                return elsewhere.Count == 0
                    ? null
                    : ("copy-statement", new TextChange(new TextSpan(block.OpenBraceToken.Span.End, 0), " " + elsewhere[random.Next(elsewhere.Count)].ToString()));
            case 8:
                // A call made to another method of the code base (most names are declared in every module): the call graph
                // changes inside a body, often across files.
                var calls = body.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(CalledName).OfType<SimpleNameSyntax>().ToList();
                if (calls.Count == 0)
                {
                    return null;
                }

                var call = calls[random.Next(calls.Count)];
                return ("call-another", new TextChange(call.Identifier.Span, methodNames[random.Next(methodNames.Count)]));
            default:
                return null;
        }
    }
}
