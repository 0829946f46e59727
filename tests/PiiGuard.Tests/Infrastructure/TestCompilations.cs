using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Tests.Infrastructure;

/// <summary>Compilations built directly, for what the testing library does not cover: referenced assemblies, robustness.</summary>
internal static class TestCompilations
{
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "Test" + Guid.NewGuid().ToString("N"),
            sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Compiles <paramref name="source"/> into an assembly image and references it, as a NuGet package's library would be.</summary>
    public static MetadataReference Emit(string source)
    {
        var compilation = Create(source);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Runs <paramref name="analyzers"/> and returns their diagnostics and every exception they threw.</summary>
    public static Task<(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        Compilation compilation, params DiagnosticAnalyzer[] analyzers) => AnalyzeAsync(compilation, concurrent: true, analyzers);

    public static async Task<(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> AnalyzeAsync(
        Compilation compilation, bool concurrent, params DiagnosticAnalyzer[] analyzers)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(default),
            (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([.. analyzers], options).GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }
}
