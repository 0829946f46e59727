using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Cli.DataMap;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.DataMap;

/// <summary>The data map of in-memory sources, as the tool builds it: files under /app, paths in the map relative to it.</summary>
internal static class DataMapHarness
{
    public const string Directory = "/app";

    public static async Task<PersonalDataMap> MapAsync(params (string Path, string Source)[] files) =>
        DataMapBuilder.Build("App", Directory, await FlowsAsync(files));

    /// <summary>The engine's flows, before the builder groups them; <paramref name="options"/> may change the compilation's options (as an .editorconfig does).</summary>
    public static async Task<IReadOnlyCollection<CollectedFlow>> FlowsAsync((string Path, string Source)[] files, Func<CSharpCompilationOptions, CSharpCompilationOptions>? options = null)
    {
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create(
            "App",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, new CSharpParseOptions(LanguageVersion.Latest), path: $"{Directory}/{f.Path}")),
            TestReferences.All,
            options is null ? compilationOptions : options(compilationOptions));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return await FlowCollection.RunAsync(compilation, new AnalyzerOptions([]), CancellationToken.None);
    }

    public static Task<PersonalDataMap> MapAsync(string source) => MapAsync(("App.cs", source));

    public static MappedSink Sink(this PersonalDataMap map, MapSinkKind kind, string name) =>
        Assert.Single(map.Sinks, s => s.Kind == kind && s.Name == name);

    public static MappedCategory Category(this MappedSink sink, string category) =>
        Assert.Single(sink.Categories, c => c.Category == category);
}
