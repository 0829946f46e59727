using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Options;

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
/// tree, so an edited tree no other file calls into (a controller, a rule, a test) keeps the rest. When answers were
/// read from an edited tree, its "no" answers are carried unchecked (<see cref="ScanAnswers.Unchecked"/>) and the scan
/// walks the edited bodies again before using any: if none of them answers yes, taking every carried "no" as given, they
/// all hold (methods that depend only on each other and answer no by their own operations all answer no), else they start
/// afresh. The source answers carry the same way, always checked, when inferred members count alike in every tree; the
/// check also walks the edited trees' writers of the fields some answer asked the writers of (an edited body may have
/// become one), and a stale "yes" carries (it costs a summary, never a finding). An edit of the first tree starts afresh
/// (the snapshots are found by it). What a sink family decides depends on declarations alone, and on no analyzer option.
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

    // The members (by declaration) whose writers' answers some source answer here rests on. Carried with the answers.
    private readonly ConcurrentDictionary<SyntaxNode, byte> _writersAsked = new();

    private SnapshotAnswers(Compilation compilation, AnalyzerConfigOptionsProvider analyzerOptions)
    {
        _trees = compilation.SyntaxTrees.ToImmutableArray();
        _references = compilation.References.ToImmutableArray();
        _options = compilation.Options;
        _analyzerOptions = analyzerOptions;
        ReachesSink = new ScanAnswers(Keeping);
        BringsOwnData = new ScanAnswers(Keeping);
    }

    /// <summary>
    /// Held while a scan keeps a group of answers (a cycle's) and while the answers are copied to the next snapshot: a copy
    /// then never holds a caller's "no" without its callees' (each single answer is kept after its callees').
    /// </summary>
    public object Keeping { get; } = new();

    /// <summary>Whether each method reaches a sink (<see cref="SinkScan"/>).</summary>
    public ScanAnswers ReachesSink { get; }

    /// <summary>Whether each method brings data of its own (<see cref="SourceScan"/>).</summary>
    public ScanAnswers BringsOwnData { get; }

    /// <summary>Records that a sink answer kept here depends on what <paramref name="tree"/> declares and holds.</summary>
    public void ReadFrom(SyntaxTree tree) => _readFrom.TryAdd(tree, 0);

    /// <summary>Records that a source answer kept here may rest on the answers of every writer of a member.</summary>
    public void WritersAsked(SyntaxNode member) => _writersAsked.TryAdd(member, 0);

    /// <summary>
    /// The answers of the compilation's snapshot: those of an earlier compilation of the same snapshot, or new ones,
    /// with the answers of the snapshot before it that an edit of method bodies can have left true.
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
            current.AnswersCarried = current.ReachesSink.ByDeclaration.Count + current.BringsOwnData.ByDeclaration.Count
                + (current.ReachesSink.Unchecked?.No.Count ?? 0) + (current.BringsOwnData.Unchecked?.No.Count ?? 0);
        }

        slot.Current = current;
        return current;
    }

    /// <summary>How many answers this snapshot took from the one before it, checked or not (for tests).</summary>
    internal int AnswersCarried { get; private set; }

    /// <summary>The latest snapshot of the compilations that start with <paramref name="firstTree"/>, if any (for tests).</summary>
    internal static SnapshotAnswers? Latest(SyntaxTree firstTree) =>
        s_byFirstTree.TryGetValue(firstTree, out var slot) ? slot.Current : null;

    // The sink answers depend on no analyzer option (a family decides from declarations alone), so a new options provider
    // (the IDE makes one with each project state, that is with each edit) keeps them; the source answers, on one option.
    private void CarryFrom(SnapshotAnswers previous)
    {
        if (!ReferenceEquals(_options, previous._options)
            || _trees.Length != previous._trees.Length
            || !SameItems(previous._references, _references))
        {
            return;
        }

        var edited = new Dictionary<SyntaxTree, SyntaxTree>();
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

            edited.Add(before, after);
        }

        // The answers first, then the trees they were read from: a scan records a tree before it keeps an answer read
        // from it, so an answer another request keeps meanwhile is either left out here or has its trees seen below.
        // Answers the snapshot before carried and never checked (no request there asked: typing on) go on, to be checked
        // here, when this edit is in the same trees (else they start afresh: a check walks the edited trees' bodies, and those
        // of a file the request does not analyse are not bound). Read first, so that a check settling them meanwhile leaves
        // them in the copy below.
        var pendingSinks = StillPending(previous.ReachesSink.Unchecked, edited);
        var pendingSources = StillPending(previous.BringsOwnData.Unchecked, edited);
        KeyValuePair<SyntaxNode, bool>[] sinkAnswers, sourceAnswers;
        lock (previous.Keeping)
        {
            sinkAnswers = previous.ReachesSink.ByDeclaration.ToArray();
            sourceAnswers = previous.BringsOwnData.ByDeclaration.ToArray();
        }

        if (ReferenceEquals(previous._analyzerOptions, _analyzerOptions) || SameInference(previous))
        {
            // Which methods write a field depends on bodies: the source scan's check walks the edited trees' writers of the
            // members some answer asked about too. A stale "yes" only has a call summarised that needed no summary (the
            // summary is exact).
            var writersAsked = new List<SyntaxNode>();
            foreach (var member in previous._writersAsked.Keys)
            {
                if ((edited.TryGetValue(member.SyntaxTree, out var after) ? SamePlace(member, after) : member) is not { } found)
                {
                    writersAsked = null;
                    break;
                }

                writersAsked.Add(found);
            }

            if (writersAsked is not null)
            {
                foreach (var member in writersAsked)
                {
                    _writersAsked.TryAdd(member, 0);
                }

                BringsOwnData.CarryUnchecked(sourceAnswers, pendingSources, edited, keepYes: true, writersAsked.ToImmutableHashSet());
            }
        }

        if (edited.Keys.Any(previous._readFrom.ContainsKey) || pendingSinks is not null)
        {
            // Some answer was read through an edited body: a "yes" may have become "no"; the "no" answers hold if the edited
            // bodies still reach no sink, which the sink scan checks before using any.
            // A stale "yes" would only have a body analysed that needed no analysis, but the debug builds' check of what the
            // taint scan learns would fail on it.
            if (ReachesSink.CarryUnchecked(sinkAnswers, pendingSinks, edited, keepYes: false, writersAsked: null))
            {
                foreach (var tree in previous._readFrom.Keys)
                {
                    _readFrom.TryAdd(edited.TryGetValue(tree, out var after) ? after : tree, 0);
                }
            }

            return;
        }

        foreach (var answer in sinkAnswers)
        {
            if (!edited.ContainsKey(answer.Key.SyntaxTree))
            {
                ReachesSink.ByDeclaration.TryAdd(answer.Key, answer.Value);
            }
        }

        foreach (var tree in previous._readFrom.Keys)
        {
            _readFrom.TryAdd(tree, 0);
        }
    }

    private static UncheckedAnswers? StillPending(UncheckedAnswers? carried, Dictionary<SyntaxTree, SyntaxTree> edited) =>
        carried is not null && carried.EditedTrees.All(edited.ContainsKey) ? carried : null;

    // Whether inferred members count as personal data in every tree alike in both snapshots: the only option a marking
    // depends on (the IDE makes a new options provider with each project state, that is with each edit).
    private bool SameInference(SnapshotAnswers previous)
    {
        for (var i = 0; i < _trees.Length; i++)
        {
            if (PiiGuardOptions.TreatInferredAsPii(previous._analyzerOptions.GetOptions(previous._trees[i]))
                != PiiGuardOptions.TreatInferredAsPii(_analyzerOptions.GetOptions(_trees[i])))
            {
                return false;
            }
        }

        return true;
    }

    // The node at the same place in a tree equivalent outside bodies: the same child of the same child... of the root.
    private static SyntaxNode? SamePlace(SyntaxNode node, SyntaxTree tree)
    {
        var path = new Stack<int>();
        for (var current = node; current.Parent is { } parent; current = parent)
        {
            path.Push(IndexIn(parent, current));
        }

        var found = tree.GetRoot();
        while (path.Count > 0)
        {
            var index = path.Pop();
            var children = found.ChildNodes().ToList();
            if (index < 0 || index >= children.Count)
            {
                return null;
            }

            found = children[index];
        }

        return found.RawKind == node.RawKind ? found : null;
    }

    private static int IndexIn(SyntaxNode parent, SyntaxNode child)
    {
        var index = 0;
        foreach (var sibling in parent.ChildNodes())
        {
            if (sibling == child)
            {
                return index;
            }

            index++;
        }

        return -1;
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

    /// <summary>One scan's answers, by each method's first declaration, and those carried from the snapshot before until the scan checks them.</summary>
    internal sealed class ScanAnswers(object keeping)
    {
        private volatile UncheckedAnswers? _unchecked;

        public ConcurrentDictionary<SyntaxNode, bool> ByDeclaration { get; } = new();

        /// <summary>The "no" answers carried over an edit of bodies, until the scan checks them; none used before.</summary>
        public UncheckedAnswers? Unchecked => _unchecked;

        /// <summary>
        /// Ends the check of the carried answers: kept, with the methods the check found answering "no" too, when
        /// <paramref name="alsoNo"/> is given; dropped when it is null.
        /// </summary>
        public void Settle(UncheckedAnswers carried, IEnumerable<SyntaxNode>? alsoNo)
        {
            if (alsoNo is not null)
            {
                KeepAll(carried.No.Concat(alsoNo), answer: false);
            }

            _unchecked = null;
        }

        /// <summary>Keeps one answer for a group of methods (a cycle's) at once: a copy for the next snapshot has all or none.</summary>
        public void KeepAll(IEnumerable<SyntaxNode> declarations, bool answer)
        {
            lock (keeping)
            {
                foreach (var declaration in declarations)
                {
                    ByDeclaration.TryAdd(declaration, answer);
                }
            }
        }

        // The "no" answers carry, unchecked: their declarations in edited trees are found again at the same place, since the
        // edit changed nothing outside bodies. False when one cannot be. A "yes" may have become "no": kept only where a stale
        // one costs work and never a finding (keepYes).
        internal bool CarryUnchecked(
            KeyValuePair<SyntaxNode, bool>[] answers,
            UncheckedAnswers? pending,
            Dictionary<SyntaxTree, SyntaxTree> edited,
            bool keepYes,
            ImmutableHashSet<SyntaxNode>? writersAsked)
        {
            var no = new List<SyntaxNode>();
            var toCheck = new List<SyntaxNode>();
            if (pending is not null)
            {
                // Still to be checked, in trees this edit changed again: checked with what it carries.
                answers = [.. answers, .. pending.No.Select(declaration => new KeyValuePair<SyntaxNode, bool>(declaration, false))];
            }

            foreach (var answer in answers)
            {
                if (answer.Value)
                {
                    // Outside the edited trees only: there a "yes" could stay stale however long the file is edited.
                    if (keepYes && !edited.ContainsKey(answer.Key.SyntaxTree))
                    {
                        ByDeclaration.TryAdd(answer.Key, true);
                    }

                    continue;
                }

                if (!edited.TryGetValue(answer.Key.SyntaxTree, out var after))
                {
                    no.Add(answer.Key);
                }
                else if (answer.Key is LocalFunctionStatementSyntax)
                {
                    // Inside a body, so not found again by its place; called only from its own method, which is checked.
                    continue;
                }
                else if (SamePlace(answer.Key, after) is { } moved)
                {
                    no.Add(moved);
                    toCheck.Add(moved);
                }
                else
                {
                    return false;
                }
            }

            if (no.Count > 0)
            {
                _unchecked = new UncheckedAnswers(no.ToImmutableHashSet(), toCheck.Distinct().ToImmutableArray(), edited.Values.ToImmutableArray(), writersAsked);
            }

            return true;
        }
    }

    /// <summary>The "no" answers of the snapshot before an edit, and the declarations in edited trees whose bodies must be walked again.</summary>
    internal sealed class UncheckedAnswers(
        ImmutableHashSet<SyntaxNode> no, ImmutableArray<SyntaxNode> edited, ImmutableArray<SyntaxTree> editedTrees, ImmutableHashSet<SyntaxNode>? writersAsked)
    {
        /// <summary>Every carried declaration (all answered "no"), in the new trees.</summary>
        public ImmutableHashSet<SyntaxNode> No { get; } = no;

        /// <summary>Those of them in an edited tree.</summary>
        public ImmutableArray<SyntaxNode> Edited { get; } = edited;

        /// <summary>The edited trees, as they are now.</summary>
        public ImmutableArray<SyntaxTree> EditedTrees { get; } = editedTrees;

        /// <summary>The members whose writers some carried answer asked about (the source scan's; null for the sink scan's).</summary>
        public ImmutableHashSet<SyntaxNode>? WritersAsked { get; } = writersAsked;
    }

    // The latest snapshot seen for a first tree; replaced, not accumulated, so at most one is kept per tree.
    private sealed class Slot
    {
        public volatile SnapshotAnswers? Current;
    }
}
