using System.Runtime.CompilerServices;
using PiiGuard.Benchmarks;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Meta;

/// <summary>
/// The engine keeps nothing of a compilation once it is dropped: no static cache, no thread's leftover state
/// (the IDE and the compiler server analyse thousands of compilations in one process).
/// </summary>
public sealed class RetentionTests
{
    [Fact]
    public void A_compilation_analysed_and_dropped_is_freed_with_its_trees()
    {
        var references = AnalyzeAndDrop();

        // The driver's last tasks may still hold the compilation for a moment after the diagnostics are returned
        // (and the other tests run alongside): collect a few times, with a pause, before calling it kept.
        for (var attempt = 0; attempt < 20 && references.Any(reference => reference.IsAlive); attempt++)
        {
            Thread.Sleep(100);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        Assert.Empty(references.Where(reference => reference.IsAlive).Select(reference => reference.Target is Microsoft.CodeAnalysis.SyntaxTree tree ? $"tree {tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText}" : "the compilation"));
    }

    // Synchronous and not inlined: no state machine or caller frame may hold the compilation.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> AnalyzeAndDrop()
    {
        // The generated corpus has what keeps state between calls: call cycles, fields filled elsewhere, helpers.
        var compilation = TestCompilations.Create([.. CorpusGenerator.Generate(3_000).Select(file => file.Text)]);
        var (diagnostics, exceptions) = TestCompilations.AnalyzeAsync(compilation, concurrent: true, [.. AllAnalyzers.Analyzers]).GetAwaiter().GetResult();
        Assert.Empty(exceptions);
        Assert.NotEmpty(diagnostics);
        return [new WeakReference(compilation), .. compilation.SyntaxTrees.Select(tree => new WeakReference(tree))];
    }
}
