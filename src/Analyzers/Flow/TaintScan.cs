using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Whether anything a body sends to a sink may hold personal data, without the order the body runs in:
/// a variable is tainted when anything assigned to it anywhere in the body may hold data (a source, or a
/// tainted variable), until no more are; then a sink call whose arguments hold neither sends nothing.
/// Most bodies that log and touch personal data log something else (an order number, a count), and this
/// tells so from the operation tree, before any graph is built or any summary asked for. A body with no
/// sink step at all (<see cref="SinkScan.IsSinkStep"/>), most code, sends nothing: the same walk tells that first.
/// </summary>
/// <remarks>
/// A flow-insensitive over-approximation of <see cref="BodyAnalysis"/>: every way data moves there (locals,
/// parameters, fields of <c>this</c>, members of an object, collections filled by a call, out arguments,
/// loop variables, lambda parameters) taints here, whatever the order and whatever overwrites it. Debug
/// builds run the body analysis anyway on every body this skips and fail if it finds anything.
/// </remarks>
internal sealed class TaintScan
{
    // Expressions nested deeper than this are taken to hold data: the scan must never exhaust the stack.
    private const int MaxDepth = 100;

    // Taint spreads one assignment per round at least; past this many rounds, the body is taken to send data.
    private const int MaxRounds = 12;

    [System.ThreadStatic]
    private static Scan? t_scan;

    private readonly PersonalDataFlow _flow;
    private int _bodiesWalked;

    public TaintScan(PersonalDataFlow flow) => _flow = flow;

    /// <summary>How many bodies this scan has walked: what a caller's earlier question spares.</summary>
    internal int BodiesWalked => Volatile.Read(ref _bodiesWalked);

    /// <param name="body">The root of a body's operation tree.</param>
    /// <param name="owner">The method whose body it is, when the driver gave it: the sink steps found here answer
    /// <see cref="SinkScan.MayReachSink"/> for it too, so no later call into it binds its body again.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public bool MaySendPersonalData(IOperation body, ISymbol? owner, CancellationToken cancellationToken)
    {
        if (owner is IMethodSymbol known && _flow.SinkScan.IsKnownToReachNoSink(known, body, cancellationToken))
        {
            // A caller's question walked this body already and found no sink step in it: nothing to walk again.
            return false;
        }

        // One scan per thread, reused: its sets grew again for every body (a quarter of the scan's allocations).
        // Taken out while in use, and emptied after: a thread-static set holding symbols would keep their compilation alive.
        var scan = t_scan ?? new Scan();
        t_scan = null;
        try
        {
            Interlocked.Increment(ref _bodiesWalked);
            scan.Start(_flow, cancellationToken);
            scan.Collect(body);
            var answer = MaySendPersonalData(scan, cancellationToken);
            if (owner is IMethodSymbol method)
            {
                // Every call of the body was asked, with final answers: the sink scan's own walk of it would find the same.
                _flow.SinkScan.Learn(method, body, scan.Sinks.Count > 0, cancellationToken);
            }

            return answer;
        }
        finally
        {
            scan.Clear();
            t_scan = scan;
        }
    }

    private bool MaySendPersonalData(Scan scan, CancellationToken cancellationToken)
    {
        var sinks = scan.Sinks;
        foreach (var call in scan.Calls)
        {
            if (_flow.SinkScan.IsSinkStep(call, cancellationToken))
            {
                sinks.Add(call);
            }
        }

        if (sinks.Count == 0)
        {
            // No sink, and no call into a method that may reach one: most code (the sink scan's question, on the same walk).
            return false;
        }

        // A worklist: the first round spreads every write; each later one only those above a read of a
        // variable tainted since (a value's answer depends on the variables read inside it alone).
        for (var round = 0; ; round++)
        {
            // Taint only grows: a sink given data now is given it in the end, so the first round that shows one
            // answers (most bodies that log personal data log it straight from a source, before any round).
            if (SendsWhatMayHold(sinks, scan, cancellationToken))
            {
                return true;
            }

            if (round == MaxRounds)
            {
                return true;
            }

            if (!scan.SpreadQueued())
            {
                // Settled: nothing tainted since every value was last asked, so a no is now final too.
                return SendsWhatMayHold(sinks, scan, cancellationToken);
            }

            if (scan.Unresolved)
            {
                return true;
            }
        }
    }

    private bool SendsWhatMayHold(List<IOperation> sinks, Scan scan, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            if (SendsWhatMayHold(sink, scan, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    // A sink is given its arguments (a property sink its value): no family reports the object a sink is called on.
    // A call into a method of the compilation sends on only what its summary's sink flows say: never through a
    // parameter personal by its own marking or type (what reaches a sink through it is reported inside).
    private bool SendsWhatMayHold(IOperation call, Scan scan, CancellationToken cancellationToken)
    {
        if (call is ISimpleAssignmentOperation assignment)
        {
            return scan.MayHold(assignment.Value, 0);
        }

        if (call is IInvocationOperation invocation && !_flow.SinkScan.IsSinkCall(call))
        {
            var callee = invocation.TargetMethod.OriginalDefinition;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter
                    && parameter.Ordinal < callee.Parameters.Length
                    && _flow.Summaries.IsPersonalItself(callee.Parameters[parameter.Ordinal]))
                {
                    continue;
                }

                if (scan.MayHold(argument, 0))
                {
                    return true;
                }
            }

            return false;
        }

        var arguments = call is IInvocationOperation sink ? sink.Arguments : ((IObjectCreationOperation)call).Arguments;
        foreach (var argument in arguments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (scan.MayHold(argument, 0))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Scan
    {
        private static readonly object s_this = new();

        private PersonalDataFlow _flow = null!;
        private CancellationToken _cancellationToken;
        private readonly HashSet<object> _tainted = new(SymbolOrObjectComparer.Instance);

        // Locals holding an object built here: the members given data, by name (the rest of the object is clean).
        private readonly Dictionary<ILocalSymbol, HashSet<string>> _taintedMembers = new(SymbolEqualityComparer.Default);
        // Whether a value may hold data. Taint only grows, so a yes holds for good; a no holds until a variable read
        // inside the value is tainted (Invalidate), and is asked again then.
        private readonly Dictionary<IOperation, bool> _holds = new();
        private readonly Dictionary<IOperation, bool> _isSource = new();

        // The operations to spread in this round, and those a taint since has made worth spreading again.
        private readonly HashSet<IOperation> _queued = new();
        private readonly HashSet<IOperation> _requeued = new();

        // Walks the body without an iterator: a stack of the children still to visit at each level.
        private readonly Stack<IOperation.OperationList.Enumerator> _walk = new();

        // The first round spreads every write, without queueing them one by one.
        private bool _spreadAll;

        /// <summary>The body's reads of a variable (a local, a parameter, a member of <c>this</c>, <c>this</c>), in tree order.</summary>
        public List<IOperation> References { get; } = new();

        /// <summary>The operations that may write a variable (<see cref="Spread"/>), in tree order.</summary>
        public List<IOperation> Writes { get; } = new();

        /// <summary>The calls that may be sink steps: invocations, object creations and property assignments.</summary>
        public List<IOperation> Calls { get; } = new();

        /// <summary>Its sink steps: sink calls and calls into methods of the compilation that may reach one.</summary>
        public List<IOperation> Sinks { get; } = new();

        /// <summary>Gathers the body's reads of variables, its writes and its calls, in one walk.</summary>
        public void Collect(IOperation body)
        {
            Add(body);
            _walk.Push(body.ChildOperations.GetEnumerator());
            while (_walk.Count > 0)
            {
                var children = _walk.Pop();
                if (!children.MoveNext())
                {
                    continue;
                }

                var child = children.Current;
                _walk.Push(children);
                Add(child);
                _walk.Push(child.ChildOperations.GetEnumerator());
            }

            _spreadAll = true;
        }

        // Kinds, not interface tests: this runs on every operation of every body.
        private void Add(IOperation operation)
        {
            switch (operation.Kind)
            {
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.FieldReference:
                case OperationKind.PropertyReference:
                case OperationKind.EventReference:
                case OperationKind.MethodReference:
                case OperationKind.InstanceReference:
                    References.Add(operation);
                    break;
                case OperationKind.Invocation:
                case OperationKind.ObjectCreation:
                    Calls.Add(operation);
                    Writes.Add(operation);
                    break;
                case OperationKind.SimpleAssignment:
                    if (((ISimpleAssignmentOperation)operation).Target.Kind == OperationKind.PropertyReference)
                    {
                        Calls.Add(operation);
                    }

                    Writes.Add(operation);
                    break;
                case OperationKind.CompoundAssignment:
                case OperationKind.CoalesceAssignment:
                case OperationKind.DeconstructionAssignment:
                case OperationKind.VariableDeclarator:
                case OperationKind.Loop when operation is IForEachLoopOperation:
                case OperationKind.IsPattern:
                case OperationKind.SwitchExpression:
                case OperationKind.Switch:
                    Writes.Add(operation);
                    break;
            }
        }

        public void Start(PersonalDataFlow flow, CancellationToken cancellationToken)
        {
            _flow = flow;
            _cancellationToken = cancellationToken;
            Unresolved = false;
        }

        public void Clear()
        {
            _flow = null!;
            _walk.Clear();
            _spreadAll = false;
            References.Clear();
            Writes.Clear();
            Calls.Clear();
            Sinks.Clear();
            _tainted.Clear();
            _taintedMembers.Clear();
            _holds.Clear();
            _isSource.Clear();
            _queued.Clear();
            _requeued.Clear();
        }

        /// <summary>A write the scan cannot follow (a dynamic member, say): the body is taken to send data.</summary>
        public bool Unresolved { get; private set; }

        /// <summary>One round: spreads the queued writes in tree order; whether any was queued.</summary>
        public bool SpreadQueued()
        {
            if (!_spreadAll && _queued.Count == 0)
            {
                return false;
            }

            foreach (var operation in Writes)
            {
                if (_spreadAll || _queued.Contains(operation))
                {
                    Spread(operation);
                }
            }

            _spreadAll = false;
            _queued.Clear();
            _queued.UnionWith(_requeued);
            _requeued.Clear();
            return true;
        }

        // A variable (or a member of a local) is newly tainted: every value that reads it may now hold data.
        // Their cached no is dropped, and the operations above them are spread again next round.
        private void Invalidate(object tainted)
        {
            foreach (var reference in References)
            {
                if (Reads(reference, tainted))
                {
                    for (var above = reference; above is not null; above = above.Parent)
                    {
                        if (_holds.TryGetValue(above, out var holds) && !holds)
                        {
                            _holds.Remove(above);
                        }

                        _requeued.Add(above);
                    }
                }
            }
        }

        // Kinds, not interface tests: asked of every reference each time a variable is tainted.
        private static bool Reads(IOperation reference, object variable) => reference.Kind switch
        {
            OperationKind.LocalReference => SymbolOrObjectComparer.Instance.Equals(((ILocalReferenceOperation)reference).Local, variable),
            OperationKind.ParameterReference => SymbolOrObjectComparer.Instance.Equals(((IParameterReferenceOperation)reference).Parameter, variable),
            OperationKind.InstanceReference => ReferenceEquals(variable, s_this),
            _ => ((IMemberReferenceOperation)reference).Instance is null or IInstanceReferenceOperation
                && SymbolOrObjectComparer.Instance.Equals(((IMemberReferenceOperation)reference).Member.OriginalDefinition, variable),
        };

        /// <summary>Taints what an operation writes when what it writes may hold data.</summary>
        public void Spread(IOperation operation)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            switch (operation.Kind)
            {
                case OperationKind.SimpleAssignment:
                case OperationKind.CompoundAssignment:
                case OperationKind.CoalesceAssignment:
                case OperationKind.DeconstructionAssignment:
                    var assignment = (IAssignmentOperation)operation;
                    if (MayHold(assignment.Value, 0))
                    {
                        if (operation.Kind == OperationKind.SimpleAssignment && assignment.Target is ILocalReferenceOperation local)
                        {
                            TaintLocal(local.Local, assignment.Value);
                        }
                        else
                        {
                            Taint(assignment.Target);
                        }
                    }

                    break;
                case OperationKind.VariableDeclarator:
                    var declarator = (IVariableDeclaratorOperation)operation;
                    if ((declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value) is { } initial && MayHold(initial, 0))
                    {
                        TaintLocal(declarator.Symbol, initial);
                    }

                    break;
                case OperationKind.Loop:
                    if (operation is IForEachLoopOperation loop && MayHold(loop.Collection, 0))
                    {
                        foreach (var loopLocal in loop.Locals)
                        {
                            TaintSymbol(loopLocal);
                        }

                        Taint(loop.LoopControlVariable);
                    }

                    break;
                case OperationKind.IsPattern:
                    var pattern = (IIsPatternOperation)operation;
                    SpreadPattern(pattern.Pattern, MayHold(pattern.Value, 0));

                    break;
                case OperationKind.SwitchExpression:
                    var switchExpression = (ISwitchExpressionOperation)operation;
                    var armsMatchData = MayHold(switchExpression.Value, 0);
                    foreach (var arm in switchExpression.Arms)
                    {
                        SpreadPattern(arm.Pattern, armsMatchData);
                    }

                    break;
                case OperationKind.Switch:
                    var switchStatement = (ISwitchOperation)operation;
                    var casesMatchData = MayHold(switchStatement.Value, 0);
                    foreach (var section in switchStatement.Cases)
                    {
                        foreach (var clause in section.Clauses)
                        {
                            SpreadPattern(clause, casesMatchData);
                        }
                    }

                    break;
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction)
                    {
                        // A local function runs where it is called: its parameters take this call's arguments.
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter is { } parameter && MayHold(argument.Value, 0))
                            {
                                TaintSymbol(parameter.OriginalDefinition);
                            }
                        }
                    }

                    SpreadThroughCall(invocation.Instance, invocation.Arguments, invocation.TargetMethod);
                    if (invocation is { Instance: null, TargetMethod.IsExtensionMethod: true, Arguments.Length: > 1 })
                    {
                        // properties.TryAdd(key, value): a library extension may fill what it extends, its first argument.
                        for (var i = 1; i < invocation.Arguments.Length; i++)
                        {
                            if (MayHold(invocation.Arguments[i].Value, 0))
                            {
                                Taint(invocation.Arguments[0].Value);
                                break;
                            }
                        }
                    }

                    break;
                case OperationKind.ObjectCreation:
                    var creation = (IObjectCreationOperation)operation;
                    SpreadThroughCall(null, creation.Arguments, creation.Constructor);
                    break;
            }
        }

        // A call given data may keep it in the object it is called on (list.Add, builder.Append, dto.Fill), hand
        // it out through out and ref arguments, and pass it to the lambdas it is given (x => ... over the elements).
        private void SpreadThroughCall(IOperation? instance, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, IMethodSymbol? method)
        {
            if (instance is not null && method is not null && _flow.HasBody(method) && _flow.SourceScan.MayBringOwnData(method, _cancellationToken))
            {
                // customer.Load(): a method of the compilation may leave data of its own in the object it is called on.
                Taint(instance);
            }

            if (method is not null && BodyAnalysis.HasOutArguments(arguments) && _flow.HasBody(method) && _flow.SourceScan.MayBringOwnData(method, _cancellationToken))
            {
                // TryGetCallbackNumber(c, out var number): a method of the compilation may leave data of its own in them.
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                    {
                        Taint(argument.Value);
                    }
                }
            }

            if (instance is null && !WritesThroughArguments(arguments))
            {
                // A static call or a constructor that takes no out argument and no lambda writes nothing the body reads.
                return;
            }

            var argumentsHold = false;
            foreach (var argument in arguments)
            {
                argumentsHold |= MayHold(argument.Value, 0);
            }

            if (argumentsHold && instance is not null)
            {
                Taint(instance);
            }

            if (!argumentsHold && !(instance is not null && MayHold(instance, 0)))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref)
                {
                    Taint(argument.Value);
                }

                foreach (var lambda in argument.Value.DescendantsAndSelf())
                {
                    if (lambda is IAnonymousFunctionOperation function)
                    {
                        foreach (var parameter in function.Symbol.Parameters)
                        {
                            TaintSymbol(parameter);
                        }
                    }
                }
            }
        }

        private static bool WritesThroughArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Out or RefKind.Ref || argument.Value is IDelegateCreationOperation or IAnonymousFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether a value may hold personal data: it, or anything in it, is a source or a tainted variable.</summary>
        public bool MayHold(IOperation operation, int depth)
        {
            if (depth > MaxDepth)
            {
                return true;
            }

            if (_holds.TryGetValue(operation, out var known))
            {
                return known;
            }

            // A yes or no holds nothing, whatever it is made of: the analysis never evaluates one.
            if (operation.Type?.SpecialType == SpecialType.System_Boolean)
            {
                return false;
            }

            // The cheap answers first; whether the operation is a source itself may summarise a callee.
            var holds = IsTainted(operation) || HoldsThroughOperands(operation, depth) || IsSource(operation);
            _holds[operation] = holds;
            return holds;
        }

        /// <summary>What a value takes from the operations it is made of, where the analysis lets it.</summary>
        private bool HoldsThroughOperands(IOperation operation, int depth)
        {
            switch (operation)
            {
                case IInvocationOperation call when _flow.Sanitizers.IsSanitizer(call.TargetMethod):
                    // A sanitiser's result holds nothing of what it was given.
                    return false;
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }:
                    // What a local function returns is its own body's business, run where it is called: taken to hold data.
                    return true;
                case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: null or IInstanceReferenceOperation } own
                    when _flow.IsStorage(own.Member):
                    // A field or auto-property of this object holds what this body or another method stored there
                    // (IsTainted, IsSource), never the object itself: the analysis reads no receiver for it.
                    return false;
                case IMemberReferenceOperation { Member: IPropertySymbol { SetMethod: null, ContainingType.IsAnonymousType: false } size, Instance: not null }
                    when BodyAnalysis.IsSizeOf(size) && !PersonalDataFlow.HasSource(size) && !_flow.DeclaresMember(size.Name):
                    // list.Count, text.Length: a number about the data, not the data. (The analysis reads a member of that name
                    // from an object built with one first: only the compilation's own types, or anonymous ones, declare such.)
                    return false;
                case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } receiver and not IInstanceReferenceOperation } member:
                    // customer.Id: a member read takes what its receiver holds only where the analysis lets it (a getter
                    // with a body, a value that is the data itself, an object built here); a carrier's unmarked member is clean.
                    return HasBodyOfItsOwn(member.Member) ? MayHold(receiver, depth + 1) : MayHoldValue(receiver, depth + 1, member.Member);
                default:
                    foreach (var child in operation.ChildOperations)
                    {
                        if (MayHold(child, depth + 1))
                        {
                            return true;
                        }
                    }

                    return false;
            }
        }

        /// <summary>
        /// Whether a value may hold more than what its carrier type says: data that flows on through a member
        /// read (a variable something was assigned, a marked parameter, a value of a marked type, an object built here).
        /// </summary>
        private bool MayHoldValue(IOperation operation, int depth, ISymbol? read)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            var markings = _flow.Markings;
            switch (operation)
            {
                case IParameterReferenceOperation parameter:
                    return IsTainted(parameter) || !markings.Marked(parameter.Parameter).IsEmpty || !markings.Marked(parameter.Parameter.Type).IsEmpty;
                case ILocalReferenceOperation local:
                    return _tainted.Contains(local.Local)
                        || read is not null && _taintedMembers.TryGetValue(local.Local, out var members) && members.Contains(BodyAnalysis.MemberName(read))
                        || !markings.Marked(local.Local.Type).IsEmpty;
                case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol, Instance: { } receiver and not IInstanceReferenceOperation } member:
                    return !markings.Marked(member.Member).IsEmpty
                        || member.Type is { } type && !markings.Marked(type).IsEmpty
                        || (HasBodyOfItsOwn(member.Member) ? MayHold(receiver, depth + 1) || IsSource(member) : MayHoldValue(receiver, depth + 1, member.Member));
                default:
                    return MayHold(operation, depth);
            }
        }

        // A property whose getter the analysis summarises: not an auto-property (its getter has no body), not a field.
        private bool HasBodyOfItsOwn(ISymbol member) => member is IPropertySymbol { GetMethod: { } getter } && _flow.HasBody(getter);

        private bool IsSource(IOperation operation)
        {
            if (!_isSource.TryGetValue(operation, out var isSource))
            {
                _isSource[operation] = isSource = _flow.SourceScan.IsSource(operation, _cancellationToken);
            }

            return isSource;
        }

        private bool IsTainted(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => _tainted.Contains(local.Local) || _taintedMembers.ContainsKey(local.Local),
            IParameterReferenceOperation parameter => _tainted.Contains(parameter.Parameter),
            IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member => _tainted.Contains(member.Member.OriginalDefinition),
            IInstanceReferenceOperation => _tainted.Contains(s_this),
            _ => false,
        };

        // What a write reaches: the variable at its root (dto.Email = x taints dto; items[i] = x taints items).
        private void Taint(IOperation target)
        {
            switch (target)
            {
                case IConversionOperation conversion:
                    Taint(conversion.Operand);
                    break;
                case IParenthesizedOperation parenthesized:
                    Taint(parenthesized.Operand);
                    break;
                case ILocalReferenceOperation local:
                    TaintSymbol(local.Local);
                    break;
                case IParameterReferenceOperation parameter:
                    TaintSymbol(parameter.Parameter);
                    break;
                case IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } }:
                    // A member of the object an initializer builds: what the creation holds (its operands) already says so.
                    break;
                case IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation } member:
                    TaintSymbol(member.Member.OriginalDefinition);
                    TaintSymbol(s_this);
                    break;
                case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol, Instance: ILocalReferenceOperation owner } member
                    when member is not IPropertyReferenceOperation { Arguments.Length: > 0 }:
                    // dto.Email = x: the member of the local, as the analysis keeps it; dto.Id stays clean.
                    TaintMember(owner.Local, member.Member);
                    break;
                case IMemberReferenceOperation { Instance: { } instance }:
                    Taint(instance);
                    break;
                case IArrayElementReferenceOperation element:
                    Taint(element.ArrayReference);
                    break;
                case IDeclarationExpressionOperation declaration:
                    Taint(declaration.Expression);
                    break;
                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Taint(element);
                    }

                    break;
                case IVariableDeclaratorOperation declarator:
                    TaintSymbol(declarator.Symbol);
                    break;
                case IVariableDeclarationOperation declaration:
                    foreach (var declarator in declaration.Declarators)
                    {
                        TaintSymbol(declarator.Symbol);
                    }

                    break;
                case IInvocationOperation { Instance: { } receiver }:
                    Taint(receiver);
                    break;
                case IInstanceReferenceOperation:
                    TaintSymbol(s_this);
                    break;
                case IConditionalAccessInstanceOperation access:
                    for (var parent = access.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IConditionalAccessOperation conditional)
                        {
                            Taint(conditional.Operation);
                            return;
                        }
                    }

                    Unresolved = true;
                    break;
                case IDiscardOperation or IInvocationOperation or IObjectCreationOperation or ILiteralOperation or IEventReferenceOperation:
                    break;
                default:
                    Unresolved = true;
                    break;
            }
        }

        // A pattern matched against data binds its variables to it; matched against anything, the variables of a
        // property pattern still take what the member read brings ({ Email: var email } on an event holding nothing else).
        private void SpreadPattern(IOperation pattern, bool valueHolds)
        {
            if (valueHolds)
            {
                TaintDeclared(pattern);
                return;
            }

            foreach (var operation in pattern.DescendantsAndSelf())
            {
                if (operation is IPropertySubpatternOperation property && IsSource(property.Member))
                {
                    TaintDeclared(property.Pattern);
                }
            }
        }

        // The variables a pattern declares (is Customer c, { Email: var e }): bound to the value matched.
        private void TaintDeclared(IOperation pattern)
        {
            foreach (var operation in pattern.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IDeclarationPatternOperation { DeclaredSymbol: { } symbol }:
                        TaintSymbol(symbol);
                        break;
                    case IRecursivePatternOperation { DeclaredSymbol: { } symbol }:
                        TaintSymbol(symbol);
                        break;
                    case IListPatternOperation { DeclaredSymbol: { } symbol }:
                        TaintSymbol(symbol);
                        break;
                }
            }
        }

        // What a local is given: an object built here holds data in the members it was given it in (as the
        // analysis keeps it), unless its constructor is given or brings data, or the local's type hides the
        // object's (object payload = new Customer()); anything else holds it as a whole. The members given
        // data are recorded either way: a size read (bag.Count) must see a member of that name given data.
        private void TaintLocal(ILocalSymbol local, IOperation value)
        {
            while (value is IConversionOperation { Operand: var operand })
            {
                value = operand;
            }

            var (initializers, whole) = value switch
            {
                IObjectCreationOperation creation => (creation.Initializer?.Initializers ?? System.Collections.Immutable.ImmutableArray<IOperation>.Empty,
                    !IsBuiltByInitializer(creation) || !SymbolEqualityComparer.Default.Equals(local.Type, creation.Type)),
                IAnonymousObjectCreationOperation anonymous => (anonymous.Initializers, false),
                _ => (System.Collections.Immutable.ImmutableArray<IOperation>.Empty, true),
            };

            foreach (var initializer in initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target and not IPropertyReferenceOperation { Arguments.Length: > 0 }, Value: var memberValue })
                {
                    if (MayHold(memberValue, 0))
                    {
                        TaintMember(local, target.Member);
                    }
                }
                else if (MayHold(initializer, 0))
                {
                    // An indexer (["key"] = value), a nested initializer, a collection element: the whole object.
                    whole = true;
                }
            }

            if (whole)
            {
                TaintSymbol(local);
            }
        }

        private bool IsBuiltByInitializer(IObjectCreationOperation creation)
        {
            if (creation.Type is null || !_flow.Markings.Marked(creation.Type).IsEmpty
                || creation.Constructor is { } constructor && _flow.HasBody(constructor) && _flow.SourceScan.MayBringOwnData(constructor, _cancellationToken))
            {
                return false;
            }

            foreach (var argument in creation.Arguments)
            {
                if (MayHold(argument, 0))
                {
                    return false;
                }
            }

            return true;
        }

        private void TaintMember(ILocalSymbol local, ISymbol member)
        {
            if (!_taintedMembers.TryGetValue(local, out var members))
            {
                _taintedMembers[local] = members = new HashSet<string>(System.StringComparer.Ordinal);
            }

            if (members.Add(BodyAnalysis.MemberName(member)))
            {
                Invalidate(local);
            }
        }

        private void TaintSymbol(object symbol)
        {
            if (_tainted.Add(symbol))
            {
                Invalidate(symbol);
            }
        }
    }

    private sealed class SymbolOrObjectComparer : IEqualityComparer<object>
    {
        public static readonly SymbolOrObjectComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : ReferenceEquals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
