using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The body scans' answers for the methods of one snapshot of a project, keyed by each method's declaration,
/// shared by every compilation of that snapshot.
/// </summary>
/// <remarks>
/// The IDE asks for one document's diagnostics at a time, and each such request runs on a compilation of its
/// own (a clone with the same trees): an engine per compilation would bind the bodies of every callee a
/// document's scans reach again for each document. The answers depend on nothing but the syntax trees, the
/// references, the compilation's options and the analyzer options, so they are kept for exactly that set,
/// compared by reference: any edit makes a new tree and starts afresh. Nothing here holds a symbol or a
/// compilation (that would keep the compilation alive); the entry lives as long as the snapshot's first tree.
/// </remarks>
internal sealed class SnapshotAnswers
{
    private static readonly ConditionalWeakTable<SyntaxTree, Slot> s_byFirstTree = new();

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CompilationOptions _options;
    private readonly AnalyzerConfigOptionsProvider _analyzerOptions;

    private SnapshotAnswers(Compilation compilation, AnalyzerConfigOptionsProvider analyzerOptions)
    {
        _trees = compilation.SyntaxTrees.ToImmutableArray();
        _references = compilation.References.ToImmutableArray();
        _options = compilation.Options;
        _analyzerOptions = analyzerOptions;
    }

    /// <summary>Whether each method reaches a sink (<see cref="SinkScan"/>), by its first declaration.</summary>
    public ConcurrentDictionary<SyntaxNode, bool> ReachesSink { get; } = new();

    /// <summary>Whether each method brings data of its own (<see cref="SourceScan"/>), by its first declaration.</summary>
    public ConcurrentDictionary<SyntaxNode, bool> BringsOwnData { get; } = new();

    /// <summary>The answers of the compilation's snapshot: those of an earlier compilation of the same snapshot, or new ones.</summary>
    public static SnapshotAnswers? For(Compilation compilation, AnalyzerConfigOptionsProvider analyzerOptions)
    {
        if (!compilation.SyntaxTrees.Any())
        {
            return null;
        }

        var slot = s_byFirstTree.GetValue(compilation.SyntaxTrees.First(), static _ => new Slot());
        var current = slot.Current;
        if (current is not null && current.Describes(compilation, analyzerOptions))
        {
            return current;
        }

        // Another snapshot that starts with the same tree (an edit elsewhere): its answers are no longer true.
        current = new SnapshotAnswers(compilation, analyzerOptions);
        slot.Current = current;
        return current;
    }

    private bool Describes(Compilation compilation, AnalyzerConfigOptionsProvider analyzerOptions) =>
        ReferenceEquals(_options, compilation.Options)
        && ReferenceEquals(_analyzerOptions, analyzerOptions)
        && SameItems(_trees, compilation.SyntaxTrees)
        && SameItems(_references, compilation.References);

    private static bool SameItems<T>(ImmutableArray<T> known, System.Collections.Generic.IEnumerable<T> items)
        where T : class
    {
        var index = 0;
        foreach (var item in items)
        {
            if (index == known.Length || !ReferenceEquals(known[index], item))
            {
                return false;
            }

            index++;
        }

        return index == known.Length;
    }

    // The latest snapshot seen for a first tree; replaced, not accumulated, so at most one is kept per tree.
    private sealed class Slot
    {
        public volatile SnapshotAnswers? Current;
    }
}
