using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
/// compared by reference. Nothing here holds a symbol or a compilation (that would keep the compilation alive);
/// the entry lives as long as the snapshot's first tree.
/// <para>
/// An edit makes a new snapshot. When it changed only method bodies (each edited tree the same as before but
/// inside bodies and initializers, <see cref="SyntaxFactory.AreEquivalent(SyntaxTree, SyntaxTree, bool)"/>), no
/// declaration changed, so every body binds as before, and the sink answers carry over unless one of them was
/// read from an edited tree: the sink scan records the trees of every method a kept answer's body calls from another
/// tree, so an edited tree no other file calls into (a controller, a rule, a test) keeps the rest. An edit of the
/// first tree starts afresh (the snapshots are found by it). What a sink family decides depends on declarations
/// alone, and on no analyzer option. The source answers start afresh: which methods may write a field depends on
/// bodies anywhere, and inferred markings on the options.
/// </para>
/// </remarks>
internal sealed class SnapshotAnswers
{
    // Edits of more trees than this at once (a branch switched, a file generated anew) start afresh: comparing costs.
    private const int MaxEditedTrees = 4;

    private static readonly ConditionalWeakTable<SyntaxTree, Slot> s_byFirstTree = new();

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CompilationOptions _options;
    private readonly AnalyzerConfigOptionsProvider _analyzerOptions;

    // The trees some sink answer here was read from: the declarations of every method a kept answer's body calls from
    // another tree. Carried with the answers, which still depend on them.
    private readonly ConcurrentDictionary<SyntaxTree, byte> _readFrom = new();

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

    /// <summary>Records that a sink answer kept here depends on what <paramref name="tree"/> declares and holds.</summary>
    public void ReadFrom(SyntaxTree tree) => _readFrom.TryAdd(tree, 0);

    /// <summary>
    /// The answers of the compilation's snapshot: those of an earlier compilation of the same snapshot, or new ones,
    /// with the sink answers of the snapshot before it that an edit of method bodies left true.
    /// </summary>
    public static SnapshotAnswers? For(Compilation compilation, AnalyzerConfigOptionsProvider analyzerOptions)
    {
        if (!compilation.SyntaxTrees.Any())
        {
            return null;
        }

        var slot = s_byFirstTree.GetValue(compilation.SyntaxTrees.First(), static _ => new Slot());
        var previous = slot.Current;
        if (previous is not null && previous.Describes(compilation, analyzerOptions))
        {
            return previous;
        }

        // Another snapshot that starts with the same tree (an edit elsewhere): only what the edit cannot have changed carries over.
        var current = new SnapshotAnswers(compilation, analyzerOptions);
        if (previous is not null)
        {
            current.CarryFrom(previous);
        }

        slot.Current = current;
        return current;
    }

    // The sink answers depend on no analyzer option (a family decides from declarations alone), so a new options provider
    // (the IDE makes one with each project state, that is with each edit) keeps them.
    private void CarryFrom(SnapshotAnswers previous)
    {
        if (!ReferenceEquals(_options, previous._options)
            || _trees.Length != previous._trees.Length
            || !SameItems(previous._references, _references))
        {
            return;
        }

        var edited = new HashSet<SyntaxTree>();
        for (var i = 0; i < _trees.Length; i++)
        {
            var (before, after) = (previous._trees[i], _trees[i]);
            if (ReferenceEquals(before, after))
            {
                continue;
            }

            if (edited.Count == MaxEditedTrees || before.FilePath != after.FilePath || !SyntaxFactory.AreEquivalent(before, after, topLevel: true))
            {
                return;
            }

            edited.Add(before);
        }

        // The answers first, then the trees they were read from: a scan records a tree before it keeps an answer read
        // from it, so an answer another request keeps meanwhile is either left out here or has its trees seen below.
        var kept = previous.ReachesSink.Where(answer => !edited.Contains(answer.Key.SyntaxTree)).ToList();
        if (edited.Any(previous._readFrom.ContainsKey))
        {
            return;
        }

        foreach (var answer in kept)
        {
            ReachesSink.TryAdd(answer.Key, answer.Value);
        }

        foreach (var tree in previous._readFrom.Keys)
        {
            _readFrom.TryAdd(tree, 0);
        }
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
