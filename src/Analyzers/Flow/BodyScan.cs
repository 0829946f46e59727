using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// A yes-or-no question asked of a body's operation tree (does any operation answer yes?), and of a method
/// of the compilation through its body and the methods it reaches, memoised per method. Recursion is
/// settled, not guessed: methods that reach each other share one answer, yes only when one of them answers
/// yes by its own operations or through a method outside the cycle (the least answer, as the analysis gives).
/// </summary>
/// <typeparam name="TScan">The scan itself: each scan keeps its own thread's walk.</typeparam>
internal abstract class BodyScan<TScan>
    where TScan : BodyScan<TScan>
{
    [System.ThreadStatic]
    private static Walk? t_walk;

    [System.ThreadStatic]
    private static Stack<IOperation.OperationList.Enumerator>? t_operations;

    // The walk checking answers carried over an edit, on the thread making the check.
    [System.ThreadStatic]
    private static CarriedCheck? t_check;

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _byMethod = new(SymbolEqualityComparer.Default);

    // The same answers by declaration, for the other compilations of the snapshot (the IDE's per-document requests),
    // with those carried from the snapshot before.
    private readonly SnapshotAnswers? _snapshot;
    private readonly SnapshotAnswers.ScanAnswers? _answers;
    private readonly ConcurrentDictionary<SyntaxNode, bool>? _bySnapshot;

    // Whether the trees the answers were read from are recorded (they decide when the next snapshot checks them), and the
    // methods recorded already in this compilation; null when not.
    private readonly ConcurrentDictionary<IMethodSymbol, byte>? _recorded;
    private int _bodiesRead;
    private int _bodiesChecked;

    protected BodyScan(PersonalDataFlow flow, SnapshotAnswers? snapshot, SnapshotAnswers.ScanAnswers? answers, bool recordsReads)
    {
        Flow = flow;
        _snapshot = snapshot;
        _answers = answers;
        _bySnapshot = answers?.ByDeclaration;
        _recorded = recordsReads && snapshot is not null ? new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default) : null;
    }

    protected PersonalDataFlow Flow { get; }

    /// <summary>The snapshot this scan's answers are shared in, when they are.</summary>
    protected SnapshotAnswers? Snapshot => _snapshot;

    /// <summary>How many bodies the check of answers carried over an edit walked again.</summary>
    internal int BodiesChecked => Volatile.Read(ref _bodiesChecked);

    /// <summary>
    /// Whether this thread is walking a body whose answer is kept (a method's, or one a check of carried answers walks), not
    /// answering a question about one operation from outside (the taint scan's).
    /// </summary>
    protected bool WalkingForAnAnswer => t_walk is { IsWalking: true } || t_check?.Scan == this;

    /// <summary>How many bodies this scan has read (bound and walked): what the snapshot's answers spare.</summary>
    internal int BodiesRead => Volatile.Read(ref _bodiesRead);

    /// <summary>Whether one operation (not its children) answers yes.</summary>
    protected abstract bool Answers(IOperation operation, CancellationToken cancellationToken);

    /// <summary>
    /// The methods whose bodies the check of carried answers walks first: those of the edited trees' "no" answers, and what
    /// else an edit of their bodies can change an answer through; null when one is not found.
    /// </summary>
    protected virtual IEnumerable<IMethodSymbol?> ToCheck(SnapshotAnswers.UncheckedAnswers carried, CancellationToken cancellationToken)
    {
        foreach (var declaration in carried.Edited)
        {
            yield return MethodOf(declaration, cancellationToken);
        }
    }

    // Answers carried over an edit of bodies are checked once per snapshot, before any is looked up or kept.
    private void BeforeAnswering(CancellationToken cancellationToken)
    {
        if (_answers?.Unchecked is not { } carried || t_check?.Scan == this)
        {
            // None carried, or this thread is checking them.
            return;
        }

        // Waiting for another thread's check, this request's own cancellation still counts.
        while (!Monitor.TryEnter(carried, millisecondsTimeout: 20))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        try
        {
            if (ReferenceEquals(_answers.Unchecked, carried))
            {
                var check = new CarriedCheck(this, carried);
                var alsoNo = StillAnsweredNo(check, cancellationToken);
                if (alsoNo is not null && _recorded is not null)
                {
                    // Before the answers are kept, as a scan records the trees of an answer it keeps.
                    foreach (var tree in check.ReadFrom)
                    {
                        _snapshot!.ReadFrom(tree);
                    }
                }

                _answers.Settle(carried, alsoNo);
            }
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // A check that fails fails for good: the answers start afresh rather than every request throwing again.
            _answers.Settle(carried, alsoNo: null);
            throw;
        }
        finally
        {
            Monitor.Exit(carried);
        }
    }

    // Whether the walked bodies still answer no, taking every carried "no" as given: if so, the carried methods and those
    // walked depend only on each other and answer no by their own operations, so none of them answers yes; if not, null.
    // A method with a body they ask about that has no carried answer is walked too, and then answers "no" as well.
    private List<SyntaxNode>? StillAnsweredNo(CarriedCheck check, CancellationToken cancellationToken)
    {
        foreach (var method in ToCheck(check.Carried, cancellationToken))
        {
            if (method is null)
            {
                return null;
            }

            check.Walk(method.OriginalDefinition.WithBody());
        }

        var alsoNo = new List<SyntaxNode>();
        var outer = t_check;
        t_check = check;
        try
        {
            while (check.ToWalk.Count > 0)
            {
                var method = check.ToWalk.Pop();
                if (Declaration(method, cancellationToken) is { } declaration && !check.Carried.No.Contains(declaration))
                {
                    alsoNo.Add(declaration);
                }

                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    Interlocked.Increment(ref _bodiesChecked);
                    var syntax = reference.GetSyntax(cancellationToken);
                    check.WalkingIn = syntax.SyntaxTree;
                    if (Flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body && AnyOperation(body, cancellationToken))
                    {
                        return null;
                    }
                }
            }

            return alsoNo;
        }
        finally
        {
            t_check = outer;
        }
    }

    /// <summary>
    /// The method a declaration an answer is kept by declares: a method's or an accessor's, an expression-bodied property's
    /// getter, or a type's primary constructor (a record's, kept by the type's declaration).
    /// </summary>
    protected IMethodSymbol? MethodOf(SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var model = Flow.SemanticModel(declaration.SyntaxTree);
        switch (declaration)
        {
            case ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax property }:
                return (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod;
            case TypeDeclarationSyntax type when model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol named:
                foreach (var constructor in named.InstanceConstructors)
                {
                    if (Declaration(constructor, cancellationToken) == declaration)
                    {
                        return constructor;
                    }
                }

                return null;
            default:
                return model.GetDeclaredSymbol(declaration, cancellationToken) as IMethodSymbol;
        }
    }

    /// <summary>Whether the body, or any operation in it, answers yes.</summary>
    private bool AnyOperation(IOperation body, CancellationToken cancellationToken)
    {
        if (Answers(body, cancellationToken))
        {
            return true;
        }

        // Pre-order, as Descendants() walks, without an iterator object per level. One stack per thread: Answers may ask
        // about another method, whose walk stacks its levels above this one's and takes them off before returning.
        var walk = t_operations ??= new Stack<IOperation.OperationList.Enumerator>();
        var bottom = walk.Count;
        walk.Push(body.ChildOperations.GetEnumerator());
        try
        {
            while (walk.Count > bottom)
            {
                var children = walk.Pop();
                if (!children.MoveNext())
                {
                    continue;
                }

                var child = children.Current;
                if (Answers(child, cancellationToken))
                {
                    return true;
                }

                walk.Push(children);
                walk.Push(child.ChildOperations.GetEnumerator());
            }
        }
        finally
        {
            // An answer, a cancellation: this walk's levels go (an enumerator left on a thread-static stack would keep
            // its operation tree, and through it the compilation, alive).
            while (walk.Count > bottom)
            {
                walk.Pop();
            }
        }

        return false;
    }

    /// <summary>Whether the body of a method of the compilation answers yes, or a method it reaches does; memoised.</summary>
    protected bool OfMethod(IMethodSymbol method, CancellationToken cancellationToken) => OfMethod(method, askedFrom: null, cancellationToken);

    /// <param name="method">The method asked about.</param>
    /// <param name="askedFrom">The tree of the call that asks, when the answer of the body it is in is kept (a method's walk,
    /// the taint scan's walk of a body the driver gave); null for a question whose answer nothing keeps.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    protected bool OfMethod(IMethodSymbol method, SyntaxTree? askedFrom, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition.WithBody();
        if (t_check is { } check && check.Scan == this)
        {
            // Checking carried answers: every method asked about answers no, the unknown ones once walked.
            check.Read(method);
            check.Assume(method, Declaration(method, cancellationToken));
            return false;
        }

        BeforeAnswering(cancellationToken);
        RecordReadFrom(method, askedFrom);
        if (_byMethod.TryGetValue(method, out var known))
        {
            return known;
        }

        if (_bySnapshot is not null && Declaration(method, cancellationToken) is { } declaration && _bySnapshot.TryGetValue(declaration, out known))
        {
            _byMethod.TryAdd(method, known);
            return known;
        }

        var walk = t_walk ??= new Walk();
        if (walk.TryGetOpen(method))
        {
            // In a cycle still being walked: no yes from here; the cycle's answer is settled at its root.
            return false;
        }

        walk.Push(method);
        try
        {
            var answer = ScanBody(method, cancellationToken);

            // Inside the try: memoising reads declarations, which a cancellation may interrupt too.
            walk.Pop(answer, this, cancellationToken);
            return answer;
        }
        catch
        {
            // Cancelled (or failed): nothing half-walked may survive into the next question on this thread (an open
            // method would answer a non-final no, and Learn would keep it).
            walk.Clear();
            throw;
        }
    }

    // A body whose answer is kept depends on the answer of every method it calls, however that is found (walked, memoised,
    // learned, shared), so on the trees that method is declared in: recorded before the body's answer is, so a snapshot
    // copying answers never misses their trees. Not when the call is in the method's own tree: an answer kept in that tree
    // goes with any edit of it, and one kept elsewhere reached it through a call from another tree, which recorded it
    // (most files call their own helpers). Nor for a question from outside any kept answer (a summary, a sink family).
    private void RecordReadFrom(IMethodSymbol method, SyntaxTree? askedFrom)
    {
        if (_snapshot is null || askedFrom is null || DeclaredIn(method, askedFrom) || _recorded!.ContainsKey(method))
        {
            return;
        }

        // Marked recorded only once its trees are: another thread asking meanwhile records them again (harmless).
        foreach (var location in method.Locations)
        {
            if (location.SourceTree is { } tree)
            {
                _snapshot.ReadFrom(tree);
            }
        }

        _recorded.TryAdd(method, 0);
    }

    // Whether every declaration of the method is in the tree (the locations of a source symbol are its declarations').
    private static bool DeclaredIn(IMethodSymbol method, SyntaxTree tree)
    {
        foreach (var location in method.Locations)
        {
            if (location.SourceTree != tree)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The answer for a method if one is final already (memoised here, or by another compilation of the snapshot),
    /// without reading its body.
    /// </summary>
    protected bool TryGetAnswer(IMethodSymbol method, out bool answer, CancellationToken cancellationToken)
    {
        BeforeAnswering(cancellationToken);
        method = method.OriginalDefinition.WithBody();
        if (_byMethod.TryGetValue(method, out answer))
        {
            return true;
        }

        return _bySnapshot is not null && Declaration(method, cancellationToken) is { } declaration && _bySnapshot.TryGetValue(declaration, out answer);
    }

    /// <summary>
    /// Records the answer a walk of the method's whole body gave, every operation's own answer final (asked outside
    /// any walk): what <see cref="OfMethod"/> would find. A method already answered keeps its answer.
    /// </summary>
    protected void Learn(IMethodSymbol method, bool answer, CancellationToken cancellationToken)
    {
        BeforeAnswering(cancellationToken);
        method = method.OriginalDefinition.WithBody();
        if (_byMethod.TryGetValue(method, out var known))
        {
#if DEBUG
            if (known != answer)
            {
                throw new System.InvalidOperationException($"{GetType().Name}: the walk of {method}'s body says {answer}, its memoised answer {known}.");
            }
#endif
            return;
        }

#if DEBUG
        // Every test checks the first answer learned too, against the scan's own walk of the body.
        if (AnyBody(method, countReads: false, cancellationToken) != answer)
        {
            throw new System.InvalidOperationException($"{GetType().Name}: the walk of {method}'s body the driver gave says {answer}, the scan's own walk {!answer}.");
        }
#endif

        Memoise(method, answer, cancellationToken);
    }

    // Final answers only: a method still open in a cycle is memoised with its root. The snapshot's first: an answer seen here is
    // there too, so a caller's answer never reaches the snapshot before its callees' (a copy of it holds them all).
    private void Memoise(IMethodSymbol method, bool answer, CancellationToken cancellationToken)
    {
        if (_bySnapshot is not null && Declaration(method, cancellationToken) is { } declaration)
        {
            _bySnapshot.TryAdd(declaration, answer);
        }

        _byMethod.TryAdd(method, answer);
    }

    // A cycle's answers are kept in the snapshot all at once (its declarations found first, since finding one may be
    // cancelled): a copy for the next snapshot never holds some of them without the others.
    private void MemoiseCycle(List<IMethodSymbol> methods, bool answer, CancellationToken cancellationToken)
    {
        if (_answers is not null)
        {
            var declarations = new List<SyntaxNode>(methods.Count);
            foreach (var method in methods)
            {
                if (Declaration(method, cancellationToken) is { } declaration)
                {
                    declarations.Add(declaration);
                }
            }

            _answers.KeepAll(declarations, answer);
        }

        foreach (var method in methods)
        {
            _byMethod.TryAdd(method, answer);
        }
    }

    // Callers ask about methods with a body in the compilation; one without a declaration is answered, not shared.
    protected static SyntaxNode? Declaration(ISymbol symbol, CancellationToken cancellationToken) =>
        symbol.DeclaringSyntaxReferences is { IsEmpty: false } references ? references[0].GetSyntax(cancellationToken) : null;

    private bool ScanBody(IMethodSymbol method, CancellationToken cancellationToken) => AnyBody(method, countReads: true, cancellationToken);

    // countReads: false for the debug check of a learned answer, which must not show in BodiesRead.
    private bool AnyBody(IMethodSymbol method, bool countReads, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (countReads)
            {
                Interlocked.Increment(ref _bodiesRead);
            }

            if (Flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body
                && AnyOperation(body, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One thread's walk through the methods it is asking about, as Tarjan's strongly connected components:
    /// each frame knows the lowest frame it reaches back to; a method that reaches back below itself and
    /// answers no is open until that frame, the root of its cycle, is done, and then takes the root's answer
    /// (a yes anywhere in the cycle returns, call by call, to the root). A yes is final at once.
    /// </summary>
    private sealed class Walk
    {
        private readonly List<(IMethodSymbol Method, int Low)> _stack = new();
        private readonly Dictionary<IMethodSymbol, int> _onStack = new(SymbolEqualityComparer.Default);

        // Methods that answered no while reaching back below themselves, with the frame they wait for.
        private readonly Dictionary<IMethodSymbol, int> _open = new(SymbolEqualityComparer.Default);
        private readonly List<IMethodSymbol> _waiting = new();

        public bool IsWalking => _stack.Count > 0;

        /// <summary>Whether the method is on the stack or open; if so, the current frame now reaches back to it.</summary>
        public bool TryGetOpen(IMethodSymbol method)
        {
            if (!_onStack.TryGetValue(method, out var low) && !_open.TryGetValue(method, out low))
            {
                return false;
            }

            ReachBack(low);
            return true;
        }

        public void Push(IMethodSymbol method)
        {
            _onStack.Add(method, _stack.Count);
            _stack.Add((method, _stack.Count));
        }

        /// <summary>Ends the top frame; memoises the answers now final (none while its cycle is still open).</summary>
        public void Pop(bool answer, BodyScan<TScan> scan, CancellationToken cancellationToken)
        {
            var index = _stack.Count - 1;
            var (method, low) = _stack[index];
            _stack.RemoveAt(index);
            _onStack.Remove(method);
            if (low == index)
            {
                // The root of its cycle (or in none): every method open on it shares its answer.
                var waiting = Waiting(index);
                if (waiting.Count == 0)
                {
                    scan.Memoise(method, answer, cancellationToken);
                    return;
                }

                waiting.Add(method);
                scan.MemoiseCycle(waiting, answer, cancellationToken);
                foreach (var open in waiting)
                {
                    _open.Remove(open);
                }

                _waiting.Clear();
                return;
            }

            // Inside a cycle rooted lower: what waited on this frame waits on that root, as does the caller.
            foreach (var open in Waiting(index))
            {
                _open[open] = low;
            }

            _waiting.Clear();
            ReachBack(low);
            if (answer)
            {
                scan.Memoise(method, true, cancellationToken);
            }
            else
            {
                _open[method] = low;
            }
        }

        public void Clear()
        {
            _stack.Clear();
            _onStack.Clear();
            _open.Clear();
            _waiting.Clear();
        }

        private void ReachBack(int low)
        {
            var top = _stack.Count - 1;
            if (top >= 0 && low < _stack[top].Low)
            {
                _stack[top] = (_stack[top].Method, low);
            }
        }

        // Copied out, so the caller may change them; the list is reused, and emptied after use (a thread-static list
        // holding symbols would keep their compilation alive).
        private List<IMethodSymbol> Waiting(int index)
        {
            var waiting = _waiting;
            waiting.Clear();
            foreach (var open in _open)
            {
                if (open.Value >= index)
                {
                    waiting.Add(open.Key);
                }
            }

            return waiting;
        }
    }

    // The check of carried answers under way on a thread: the methods taken to answer no, those left to walk, and the trees
    // other than their own that the walked bodies asked about.
    private sealed class CarriedCheck(BodyScan<TScan> scan, SnapshotAnswers.UncheckedAnswers carried)
    {
        private readonly HashSet<IMethodSymbol> _assumed = new(SymbolEqualityComparer.Default);

        public BodyScan<TScan> Scan { get; } = scan;

        public SnapshotAnswers.UncheckedAnswers Carried { get; } = carried;

        public Stack<IMethodSymbol> ToWalk { get; } = new();

        public HashSet<SyntaxTree> ReadFrom { get; } = new();

        public SyntaxTree? WalkingIn { get; set; }

        // A method without a carried answer is walked, once.
        public void Assume(IMethodSymbol method, SyntaxNode? declaration)
        {
            if (declaration is null || !Carried.No.Contains(declaration))
            {
                Walk(method);
            }
        }

        public void Walk(IMethodSymbol method)
        {
            if (_assumed.Add(method))
            {
                ToWalk.Push(method);
            }
        }

        public void Read(IMethodSymbol method)
        {
            foreach (var location in method.Locations)
            {
                if (location.SourceTree is { } tree && tree != WalkingIn)
                {
                    ReadFrom.Add(tree);
                }
            }
        }
    }
}
