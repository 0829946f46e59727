using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>The code a run measures: parsed once, compiled afresh for every measurement so no cache is shared.</summary>
internal sealed class Corpus
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private Corpus(string name, ImmutableArray<SyntaxTree> trees, int lines, AnalyzerConfigOptionsProvider options)
    {
        Name = name;
        Trees = trees;
        Lines = lines;
        Options = options;
    }

    public string Name { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public int Lines { get; }

    /// <summary>The <c>.editorconfig</c> options the analyzers see.</summary>
    public AnalyzerConfigOptionsProvider Options { get; }

    public static Corpus Generated(int targetLines)
    {
        var files = CorpusGenerator.Generate(targetLines);
        return new Corpus(
            $"generated {targetLines / 1000}k",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Text, s_parseOptions, "/corpus/" + file.Path)).ToImmutableArray(),
            files.Sum(file => CorpusGenerator.CountLines(file.Text)),
            new FixedOptionsProvider(new Dictionary<string, string>()));
    }

    /// <summary>Every .cs file under <paramref name="folder"/>, with inferred members treated as personal data so unannotated code exercises the engine.</summary>
    public static Corpus FromFolder(string folder)
    {
        var paths = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var texts = paths.Select(File.ReadAllText).ToList();
        return new Corpus(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))) + " (source)",
            paths.Select((path, i) => CSharpSyntaxTree.ParseText(texts[i], s_parseOptions, path)).ToImmutableArray(),
            texts.Sum(CorpusGenerator.CountLines),
            new FixedOptionsProvider(new Dictionary<string, string> { ["piiguard.treat_inferred_as_pii"] = "true" }));
    }

    /// <summary>
    /// A new compilation of the corpus, on trees parsed anew: as a build does. Each measurement starts cold: the
    /// engine caches per compilation, and the answers it shares between compilations of one snapshot (the IDE's
    /// per-document requests) are kept for the same syntax trees only.
    /// </summary>
    public CSharpCompilation Compile() =>
        Compile(Trees.Select(tree => CSharpSyntaxTree.ParseText(tree.GetText(), s_parseOptions, tree.FilePath)));

    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Corpus",
            trees,
            References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
