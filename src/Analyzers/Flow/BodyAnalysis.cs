using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Follows personal data through one method body, in the order it runs: a forward analysis over the
/// body's control flow graph, iterated to a fixed point at loops, then one more pass that shows every
/// call, with the data each argument holds at that point, to an observer (a rule or a summary).
/// </summary>
/// <remarks>
/// Cost: each block is transferred at most <see cref="MaxVisitsPerBlock"/> times before the final pass,
/// so the work is linear in the size of the body. Lambdas are analysed where they are created, with the
/// state they capture; local functions once, at the end, with the state at the method's exit.
/// </remarks>
internal sealed partial class BodyAnalysis
{
    /// <summary>Observes a call (invocation or object creation) with the data at that point.</summary>
    public delegate void CallObserver(IOperation call, BodyAnalysis analysis);

    private const int MaxVisitsPerBlock = 6;
    private const int MaxNesting = 6;

    // Expressions nested deeper than this (a generated 5,000-term concatenation) are not followed further:
    // the analyzer must never exhaust the compiler's stack.
    private const int MaxExpressionDepth = 200;

    private readonly PersonalDataFlow _flow;
    // Null for a plain body (RunPlain), which has no lambda, local function or branch to need a graph for.
    private readonly ControlFlowGraph? _graph;
    private readonly CallObserver? _observer;
    private readonly int _nesting;
    private readonly CancellationToken _cancellationToken;
    private FlowState _state = FlowState.Empty;
    private int _depth;

    private BodyAnalysis(PersonalDataFlow flow, ControlFlowGraph? graph, CallObserver? observer, int nesting, CancellationToken cancellationToken)
    {
        _flow = flow;
        _graph = graph;
        _observer = observer;
        _nesting = nesting;
        _cancellationToken = cancellationToken;
    }

    public PersonalDataFlow Flow => _flow;

    public System.Threading.CancellationToken CancellationToken => _cancellationToken;

    /// <summary>How deep in summaries and lambdas this analysis runs; a summary it asks for nests one deeper.</summary>
    public int Nesting => _nesting;

    /// <summary>Analyses <paramref name="graph"/> from <paramref name="initial"/>; returns the data of its return values.</summary>
    public static PersonalData? Run(
        PersonalDataFlow flow, ControlFlowGraph graph, FlowState initial, CallObserver? observer, int nesting, CancellationToken cancellationToken) =>
        new BodyAnalysis(flow, graph, observer, nesting, cancellationToken).Run(initial);

    /// <summary>As <see cref="Run(PersonalDataFlow, ControlFlowGraph, FlowState, CallObserver?, int, CancellationToken)"/>, with the state at the method's exit.</summary>
    public static (PersonalData? Returned, FlowState Exit) RunToExit(
        PersonalDataFlow flow, ControlFlowGraph graph, FlowState initial, CallObserver? observer, int nesting, CancellationToken cancellationToken)
    {
        var analysis = new BodyAnalysis(flow, graph, observer, nesting, cancellationToken);
        var returned = analysis.Run(initial);
        return (returned, analysis._exit ?? initial);
    }

    /// <summary>
    /// As <see cref="RunToExit"/>, for a body that runs straight through (<see cref="PlainBody"/>): its graph would be one
    /// block holding the same statements, so the block's transfer is run on them as they stand and no graph is built.
    /// </summary>
    public static (PersonalData? Returned, FlowState Exit) RunPlain(
        PersonalDataFlow flow, PlainBody body, FlowState initial, CallObserver? observer, int nesting, CancellationToken cancellationToken)
    {
        var analysis = new BodyAnalysis(flow, graph: null, observer, nesting, cancellationToken)
        {
            _state = initial,
            _observing = observer is not null,
        };

        for (var i = 0; i < body.Count; i++)
        {
            switch (body.Statements[i])
            {
                case IExpressionStatementOperation statement:
                    analysis.Visit(statement.Operation);
                    break;
                case IVariableDeclarationGroupOperation group:
                    // The graph assigns each local its initial value, as any other assignment.
                    foreach (var declaration in group.Declarations)
                    {
                        foreach (var declarator in declaration.Declarators)
                        {
                            if (declarator.Initializer?.Value is { } value)
                            {
                                analysis.Visit(value);
                                analysis.AssignLocal(declarator.Symbol, analysis.Evaluate(value));
                            }
                        }
                    }

                    break;
            }
        }

        if (body.Returned is not { } returned)
        {
            return (null, analysis._state);
        }

        analysis.Visit(returned);
        return (analysis.Evaluate(returned), analysis._state);
    }

    private FlowState? _exit;

    private PersonalData? Run(FlowState initial)
    {
        var graph = _graph!;
        var blocks = graph.Blocks;
        var exits = new FlowState?[blocks.Length];
        _handlers = Handlers.Of(graph);
        if (_handlers is null && IsForwardOnly(blocks))
        {
            // No loop and no handler (most bodies): in block order every predecessor is settled before its successors,
            // so one pass that observes as it goes is the fixed point and the final pass at once.
            return Finish(RunInOrder(initial, exits), initial);
        }

        _throughs = _handlers is null ? null : new FlowState?[blocks.Length];
        var visits = new int[blocks.Length];
        var work = new Queue<int>();
        var queued = new bool[blocks.Length];
        work.Enqueue(0);
        queued[0] = true;

        void Enqueue(int ordinal)
        {
            if (!queued[ordinal] && visits[ordinal] < MaxVisitsPerBlock)
            {
                work.Enqueue(ordinal);
                queued[ordinal] = true;
            }
        }

        while (work.Count > 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var ordinal = work.Dequeue();
            queued[ordinal] = false;
            var block = blocks[ordinal];
            if (!block.IsReachable)
            {
                // Never runs (under a constant false, after a return): what it would assign reaches no block after it.
                continue;
            }

            var exit = Transfer(block, Entry(block, exits, initial), observe: false);
            visits[ordinal]++;
            if (_handlers?.EnteredFrom(ordinal) is { } handlers && !FlowState.SameFacts(_throughs![ordinal], _through))
            {
                // A state the block passed through that its handlers have not seen yet.
                _throughs[ordinal] = FlowState.Merge(_throughs[ordinal], _through!);
                foreach (var handler in handlers)
                {
                    Enqueue(handler);
                }
            }

            if (exits[ordinal] is not null && FlowState.SameFacts(exits[ordinal], exit))
            {
                continue;
            }

            exits[ordinal] = FlowState.Merge(exits[ordinal], exit);
            foreach (var successor in new[] { block.FallThroughSuccessor?.Destination, block.ConditionalSuccessor?.Destination })
            {
                if (successor is not null)
                {
                    Enqueue(successor.Ordinal);
                }
            }

            if (_handlers?.AfterFinally(ordinal) is { } after)
            {
                foreach (var next in after)
                {
                    Enqueue(next);
                }
            }
        }

        // The final pass: the states are settled; show each call to the observer and collect return values.
        var result = (Returned: (PersonalData?)null, End: (FlowState?)null);
        foreach (var block in blocks)
        {
            if (!block.IsReachable || (block.Ordinal != 0 && exits[block.Ordinal] is null))
            {
                continue;
            }

            Observed(block, Transfer(block, Entry(block, exits, initial), observe: _observer is not null), ref result);
        }

        return Finish(result, initial);
    }

    // Whether every branch leads to a later block: no loop, so block order is an order the states settle in.
    private static bool IsForwardOnly(System.Collections.Immutable.ImmutableArray<BasicBlock> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.FallThroughSuccessor?.Destination is { } next && next.Ordinal <= block.Ordinal
                || block.ConditionalSuccessor?.Destination is { } branch && branch.Ordinal <= block.Ordinal)
            {
                return false;
            }
        }

        return true;
    }

    // The fixed point and the final pass in one: each reachable block that a block before it reached (as the work list
    // reaches blocks) is transferred once, with its predecessors' final states, and observed as it goes.
    private (PersonalData? Returned, FlowState? End) RunInOrder(FlowState initial, FlowState?[] exits)
    {
        var result = (Returned: (PersonalData?)null, End: (FlowState?)null);
        foreach (var block in _graph!.Blocks)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!block.IsReachable || (block.Ordinal != 0 && !HasRunPredecessor(block, exits)))
            {
                continue;
            }

            var exit = Transfer(block, Entry(block, exits, initial), observe: _observer is not null);
            exits[block.Ordinal] = exit;
            Observed(block, exit, ref result);
        }

        return result;
    }

    private static bool HasRunPredecessor(BasicBlock block, FlowState?[] exits)
    {
        foreach (var predecessor in block.Predecessors)
        {
            if (exits[predecessor.Source.Ordinal] is not null)
            {
                return true;
            }
        }

        return false;
    }

    // What a settled, reachable block adds to the body's result: a returned value, the state at the exit.
    private void Observed(BasicBlock block, FlowState exit, ref (PersonalData? Returned, FlowState? End) result)
    {
        if (block.BranchValue is { } value && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
        {
            result.Returned = PersonalData.Merge(result.Returned, Evaluate(value));
        }

        if (block.Kind == BasicBlockKind.Exit)
        {
            result.End = exit;
        }
    }

    // The local functions no call reached, run with the state at the exit; the body's exit state and what it returns.
    private PersonalData? Finish((PersonalData? Returned, FlowState? End) result, FlowState initial)
    {
        var end = result.End;
        if (_observer is not null && _nesting < MaxNesting)
        {
            foreach (var localFunction in _graph!.LocalFunctions)
            {
                Run(_flow, _graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken), end ?? initial, _observer, _nesting + 1, _cancellationToken);
            }
        }

        _exit = end;
        return PersonalData.Merge(result.Returned, _yielded);
    }

    // What an iterator yields, over every pass: data only grows from pass to pass, so this is the last pass's.
    private PersonalData? _yielded;

    private FlowState Entry(BasicBlock block, FlowState?[] exits, FlowState initial)
    {
        if (block.Ordinal == 0)
        {
            return initial;
        }

        FlowState? entry = null;
        foreach (var predecessor in block.Predecessors)
        {
            if (exits[predecessor.Source.Ordinal] is { } exit)
            {
                entry = FlowState.Merge(entry, exit);
            }

            // A branch out of a try passes through its finally regions first.
            foreach (var region in predecessor.FinallyRegions)
            {
                if (exits[region.LastBlockOrdinal] is { } afterFinally)
                {
                    entry = FlowState.Merge(entry, afterFinally);
                }
            }
        }

        if (_handlers is not null && _handlers.TryGetGuarded(block.Ordinal, out var guarded))
        {
            // A handler starts from any state its try region passed through: an exception may leave it anywhere.
            for (var ordinal = guarded.First; ordinal <= guarded.Last; ordinal++)
            {
                if (_throughs![ordinal] is { } through)
                {
                    entry = FlowState.Merge(entry, through);
                }
            }
        }

        return entry ?? FlowState.Empty;
    }

    private bool _observing;

    // The graph's exception handlers, and per block of a try region every state it passed through (merged).
    private Handlers? _handlers;
    private FlowState?[]? _throughs;
    private FlowState? _through;

    private FlowState Transfer(BasicBlock block, FlowState entry, bool observe)
    {
        _state = entry;
        _observing = observe;

        // Inside a try region, the states between operations too: an exception leaves the block after any of them.
        var guarded = _handlers?.EnteredFrom(block.Ordinal) is not null;
        _through = guarded ? entry : null;
        foreach (var operation in block.Operations)
        {
            Visit(operation);
            if (guarded)
            {
                _through = FlowState.Merge(_through, _state);
            }
        }

        if (block.BranchValue is { } branch)
        {
            Visit(branch);
            if (guarded)
            {
                _through = FlowState.Merge(_through, _state);
            }
        }

        return _state;
    }

    /// <summary>Runs an operation's side effects on the state, children first, and shows calls to the observer.</summary>
    private void Visit(IOperation operation)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_depth >= MaxExpressionDepth)
        {
            return;
        }

        _depth++;
        try
        {
            VisitCore(operation);
        }
        finally
        {
            _depth--;
        }
    }

    private void VisitCore(IOperation operation)
    {
        switch (operation)
        {
            case IFlowAnonymousFunctionOperation lambda:
                if (_observing && _nesting < MaxNesting)
                {
                    var entry = LibraryCallGiven(lambda) is { } call ? LambdaEntry(lambda, call) : _state;
                    Run(_flow, _graph!.GetAnonymousFunctionControlFlowGraphInScope(lambda, _cancellationToken), entry, _observer, _nesting + 1, _cancellationToken);
                }

                return;
            case IFlowCaptureOperation capture:
                Visit(capture.Value);
                _state = _state.Set(CaptureKey.Of(capture.Id), Evaluate(capture.Value));
                if (KeyOf(capture.Value) is { } variable and not CaptureId)
                {
                    (_aliases ??= new Dictionary<CaptureId, object>())[capture.Id] = variable;
                }

                return;
            case ISimpleAssignmentOperation assignment:
                VisitChildren(assignment.Target);
                Visit(assignment.Value);
                Assign(assignment.Target, Evaluate(assignment.Value), strong: true);
                if (_observing && assignment.Target is IPropertyReferenceOperation)
                {
                    // A property setter is a call too (a processor client's property, for one).
                    _observer!(assignment, this);
                }

                return;
            case ICompoundAssignmentOperation compound:
                VisitChildren(compound.Target);
                Visit(compound.Value);
                Assign(compound.Target, PersonalData.Merge(Evaluate(compound.Target), Evaluate(compound.Value)), strong: true);
                return;
            case IDeconstructionAssignmentOperation deconstruction:
                Visit(deconstruction.Value);
                if (!DeconstructByExtension(deconstruction))
                {
                    AssignDeconstruction(deconstruction.Target, Evaluate(deconstruction.Value), deconstruction.Value.Type);
                }

                return;
            case IIsPatternOperation isPattern:
                VisitChildren(isPattern);
                BindPattern(isPattern.Pattern, Evaluate(isPattern.Value));
                return;
            case IReturnOperation { Kind: OperationKind.YieldReturn, ReturnedValue: { } yielded }:
                // An iterator returns what it yields (the graph keeps yield return as a statement, not a return branch).
                Visit(yielded);
                _yielded = PersonalData.Merge(_yielded, Evaluate(yielded));
                return;
        }

        VisitChildren(operation);
        if (operation is IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } local)
        {
            // What the local function leaves in the variables it captures; the calls in it, given this call's arguments.
            if (RunLocalFunction(local, _observing) is { } exit)
            {
                _state = FlowState.Merge(_state, exit.Exit);
            }
        }
        else if (operation is IInvocationOperation invocation)
        {
            ApplySideEffects(invocation);
        }

        if (_observing && operation is IInvocationOperation or IObjectCreationOperation)
        {
            _observer!(operation, this);
        }
    }

    private void VisitChildren(IOperation operation)
    {
        foreach (var child in operation.ChildOperations)
        {
            Visit(child);
        }
    }

    private void Assign(IOperation target, PersonalData? data, bool strong)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                AssignLocal(local.Local, data, strong);
                break;
            case IParameterReferenceOperation parameter:
                Store(parameter.Parameter, data, strong);
                break;
            case IFlowCaptureReferenceOperation capture:
                // The graph captures the target of e ??= value (and of compound assignments) and assigns the capture.
                Store(CaptureKey.Of(capture.Id), data, strong);
                if (AliasOf(capture) is { } variable)
                {
                    Store(variable, data, strong);
                }

                break;
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member when member.Instance is null or IInstanceReferenceOperation:
                if (member is IPropertyReferenceOperation { Arguments.Length: > 0 })
                {
                    Store(FlowState.This, data, strong: false);
                }
                else
                {
                    Store(member.Member, data, strong);
                }

                break;
            case IMemberReferenceOperation member when member.Instance is not null && KeyOf(member.Instance) is { } owner:
                if (member is IPropertyReferenceOperation { Arguments.Length: > 0 })
                {
                    Store(owner, data?.AsValue(), strong: false);
                }
                else
                {
                    var current = _state[owner];
                    Store(owner, current is null ? (data is null ? null : PersonalData.Object(
                        System.Collections.Immutable.ImmutableDictionary<string, PersonalData>.Empty.Add(MemberName(member.Member), data), isCarrier: true))
                        : current.WithMember(MemberName(member.Member), data), strong: true);
                }

                break;
            case IArrayElementReferenceOperation element when KeyOf(element.ArrayReference) is { } array:
                Store(array, data, strong: false);
                break;
        }
    }

    // A named local's data passes through it: a path shows the step.
    private void AssignLocal(ILocalSymbol local, PersonalData? data, bool strong = true)
    {
        var named = !local.IsImplicitlyDeclared && local.Name.Length > 0;
        Store(local, named && data is not null ? data.Through(_flow.Step(local)) : data, strong);
    }

    private void AssignDeconstruction(IOperation target, PersonalData? data, ITypeSymbol? type = null)
    {
        if (target is ITupleOperation tuple)
        {
            // A tuple built here keeps Item1, Item2...; an object built here (a positional record) is taken apart by
            // its Deconstruct, whose out parameters name the members they read.
            var deconstruct = type is { IsTupleType: false } ? DeconstructOf(type, tuple.Elements.Length) : null;
            for (var i = 0; i < tuple.Elements.Length; i++)
            {
                var name = deconstruct is null ? "Item" + (i + 1) : MemberNamed(type!, deconstruct.Parameters[i].Name);
                AssignDeconstruction(tuple.Elements[i], Part(data, name));
            }
        }
        else if (target is IDeclarationExpressionOperation declaration)
        {
            AssignDeconstruction(declaration.Expression, data, type);
        }
        else
        {
            Assign(target, data, strong: true);
        }
    }

    // `var (id, name, tier) = customer;` through a Deconstruct extension of the compilation: its summary says what each out
    // parameter holds, given the value taken apart as its first argument.
    private bool DeconstructByExtension(IDeconstructionAssignmentOperation deconstruction)
    {
        var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation tuple
            || deconstruction.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax syntax
            || Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetDeconstructionInfo(_flow.SemanticModel(syntax.SyntaxTree), syntax).Method is not { IsExtensionMethod: true } method
            || !_flow.HasBody(method)
            || method.Parameters.Length != tuple.Elements.Length + 1)
        {
            return false;
        }

        var value = Evaluate(deconstruction.Value);
        var outs = _flow.Summaries.Get(method, _nesting, _cancellationToken).Outs;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            var data = outs.TryGetValue(i + 1, out var output) ? output.Instantiate(p => p == 0 ? value : null, _flow.Step(method)) : null;
            AssignDeconstruction(tuple.Elements[i], data);
        }

        return true;
    }

    private static IMethodSymbol? DeconstructOf(ITypeSymbol type, int arity)
    {
        foreach (var member in type.GetMembers("Deconstruct"))
        {
            if (member is IMethodSymbol { IsStatic: false } method && method.Parameters.Length == arity && method.Parameters.All(p => p.RefKind == RefKind.Out))
            {
                return method;
            }
        }

        return null;
    }

    // The member a constructor or Deconstruct parameter stands for, as a positional record names them (email is Email).
    // One part of a value taken apart: the member of that name of an object built here, else the whole value.
    private static PersonalData? Part(PersonalData? whole, string? name) =>
        whole?.Members is { } members ? (name is not null && members.TryGetValue(name, out var part) ? part : null) : whole;

    private static string? MemberNamed(ITypeSymbol type, string parameter) =>
        type.GetMembers().FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol && string.Equals(m.Name, parameter, System.StringComparison.OrdinalIgnoreCase))?.Name;

    private void Store(object key, PersonalData? data, bool strong) =>
        _state = _state.Set(key, strong ? data : PersonalData.Merge(_state[key], data));

    /// <summary>Collections and builders keep what is added to them: <c>list.Add(email)</c>, <c>builder.Append(name)</c>.</summary>
    private void ApplySideEffects(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var hasBody = _flow.HasBody(method);
        if (hasBody && HasOutArguments(invocation.Arguments))
        {
            TakeOuts(invocation);
        }

        if (hasBody && invocation.Instance is { } target && KeyOf(target) is { } owner && owner != FlowState.This)
        {
            // A method that writes no member of its object leaves nothing in it; nor does one that brings nothing of its
            // own and is given nothing, called on an object holding nothing. No summary needed for either, and most
            // calls on a field or a local are such calls (_repository.Save(order), _service.Register(customer)).
            if (!_flow.Summaries.TryGetKnown(method, out _)
                && (!_flow.MemberWriters.WritesOwnMembers(method, _cancellationToken)
                    || _state[owner] is null && !_flow.SourceScan.MayBringOwnData(method, _cancellationToken) && !HasArgumentData(invocation.Arguments)))
            {
                return;
            }

            // customer.Fill(source): a method of the compilation fills the members of the object it is called on.
            foreach (var stored in _flow.Summaries.Get(method, _nesting, _cancellationToken).Members)
            {
                if (stored.Key.IsStatic)
                {
                    // The type's, not the object's: read back through StoredIn.
                    continue;
                }

                var data = stored.Value.Instantiate(p => p == PersonalDataSource.ThisPlaceholder ? null : ArgumentData(invocation, p), _flow.Step(method));
                var current = _state[owner];
                Store(owner, current is null
                    ? (data is null ? null : PersonalData.Object(System.Collections.Immutable.ImmutableDictionary<string, PersonalData>.Empty.Add(stored.Key.Name, data), isCarrier: true))
                    : current.WithMember(stored.Key.Name, data), strong: true);
            }

            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            // An object built here holding nothing, given to a library (mapper.Map(source, dto), PopulateObject): it may
            // come back filled, so it holds what its type can again.
            if (KeyOf(argument.Value) is { } given && _state[given] is { IsNothing: true })
            {
                Store(given, null, strong: true);
            }
        }

        if (!hasBody)
        {
            HandOut(invocation);
        }

        if (method is { IsStatic: false, Name: "Clear", Parameters.IsEmpty: true } && invocation.Instance is { } cleared && KeyOf(cleared) is { } emptied
            && !hasBody)
        {
            // list.Clear(), builder.Clear(): the collection or builder holds nothing after it.
            Store(emptied, null, strong: true);
            if (AliasOf(cleared) is { } clearedVariable)
            {
                Store(clearedVariable, null, strong: true);
            }

            return;
        }

        // A library extension that fills what it extends (properties.TryAdd(key, value) on an IDictionary) fills its first
        // argument as an instance method fills the object it is called on.
        var extended = method.IsExtensionMethod && invocation.Instance is null && invocation.Arguments.Length > 1;
        var filled = extended ? invocation.Arguments[0].Value : method.IsStatic ? null : invocation.Instance;
        if (filled is not null && KeyOf(FluentRoot(filled)) is { } key && IsAccumulating(method))
        {
            // A capture of a variable is the same object: builder.AppendLine($"...") captures the builder, then appends.
            var aliased = AliasOf(FluentRoot(filled));
            for (var i = extended ? 1 : 0; i < invocation.Arguments.Length; i++)
            {
                var data = Evaluate(invocation.Arguments[i].Value);
                Store(key, data, strong: false);
                if (aliased is not null)
                {
                    Store(aliased, data, strong: false);
                }
            }
        }
    }

    /// <summary>Whether a call is given an <c>out</c> or <c>ref</c> argument, which it may write.</summary>
    internal static bool HasOutArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                return true;
            }
        }

        return false;
    }

    // A method of the compilation leaves in its out and ref arguments what its summary says, given this call's arguments.
    private void TakeOuts(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var outs = _flow.Summaries.Get(method, _nesting, _cancellationToken).Outs;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && KeyOfWritten(argument) is { } written)
            {
                var data = outs.TryGetValue(parameter.Ordinal, out var output) ? output.Instantiate(p => ArgumentData(invocation, p), _flow.Step(method)) : null;
                Store(written, data, strong: true);
            }
        }
    }

    // A library call's out arguments take what it holds: dictionary.TryGetValue(id, out var email) the dictionary's values
    // (not the key it is given), long.TryParse(phone, out var digits) what it parses. An out argument is always written.
    private void HandOut(IInvocationOperation invocation)
    {
        PersonalData? handedOut = null;
        var evaluated = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { RefKind: RefKind.Out } parameter || KeyOfWritten(argument) is not { } written)
            {
                continue;
            }

            if (!evaluated)
            {
                handedOut = invocation.Instance is { } instance && !invocation.TargetMethod.IsStatic ? Evaluate(instance) : InputsOf(invocation);
                evaluated = true;
            }

            Store(written, parameter.Type.SpecialType == SpecialType.System_Boolean ? null : handedOut, strong: true);
        }
    }

    // The variable an out or ref argument writes (`out var email` declares it there).
    private object? KeyOfWritten(IArgumentOperation argument) =>
        KeyOf(argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value);

    // What a static call is given, out arguments aside.
    private PersonalData? InputsOf(IInvocationOperation invocation)
    {
        PersonalData? inputs = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind != RefKind.Out)
            {
                inputs = PersonalData.Merge(inputs, Evaluate(argument.Value));
            }
        }

        return inputs;
    }

    // Captures of a variable (the graph captures a receiver before evaluating the arguments it is given).
    private Dictionary<CaptureId, object>? _aliases;

    // The variable a capture reference stands for, when the graph captured one: the same object.
    private object? AliasOf(IOperation operation) =>
        _aliases is not null && Unwrap(operation) is IFlowCaptureReferenceOperation capture && _aliases.TryGetValue(capture.Id, out var variable) ? variable : null;

    // builder.Append(a).Append(b): every call in the chain adds to the builder the chain starts from.
    private static IOperation FluentRoot(IOperation receiver)
    {
        while (receiver is IInvocationOperation { Instance: { } inner } call && IsAccumulating(call.TargetMethod))
        {
            receiver = inner;
        }

        return receiver;
    }

    /// <summary>Whether a library method keeps what it is given in the object it is called on (<c>list.Add</c>, <c>builder.Append</c>).</summary>
    internal static bool IsAccumulating(IMethodSymbol method) =>
        method.Locations is { Length: > 0 } locations && !locations[0].IsInSource
        && (method.ReturnsVoid
            || SymbolEqualityComparer.Default.Equals(method.ReturnType, method.ContainingType)
            || method.Name.StartsWith("Add", System.StringComparison.Ordinal)
            || method.Name.StartsWith("Insert", System.StringComparison.Ordinal)
            || method.Name is "Push" or "Enqueue" or "TryAdd");

    private object? KeyOf(IOperation operation) => Unwrap(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFlowCaptureReferenceOperation capture => CaptureKey.Of(capture.Id),
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.IsEmpty: true } property when _flow.IsStorage(property.Property) => property.Property,
        IInstanceReferenceOperation => FlowState.This,
        _ => null,
    };

    internal static string MemberName(ISymbol member) =>
        member is IFieldSymbol { CorrespondingTupleField: { } tupleField } ? tupleField.Name : member.Name;

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
