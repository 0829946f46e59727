using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>What data a value holds, in the current state: the propagation rules of SPEC.md.</summary>
internal sealed partial class BodyAnalysis
{
    /// <summary>The personal data <paramref name="operation"/> holds at this point, or <see langword="null"/>.</summary>
    public PersonalData? Evaluate(IOperation? operation)
    {
        if (operation is null || CannotCarry(operation.Type) || _depth >= MaxExpressionDepth)
        {
            return null;
        }

        _depth++;
        PersonalData? data;
        try
        {
            data = EvaluateCore(operation);
        }
        finally
        {
            _depth--;
        }

        if (operation.Type is { } type)
        {
            // A value of a [Pii] type is the data itself; a value of a carrier type holds it in its members.
            if (_flow.Markings.Marked(type) is { IsEmpty: false } marked)
            {
                data = PersonalData.Merge(data, PersonalData.From(new PersonalDataSource(type, marked)));
            }
            else if (data is null && _flow.Markings.Carried(type) is { IsEmpty: false } carried)
            {
                data = PersonalData.From(new PersonalDataSource(type, carried), isCarrier: true);
            }
        }

        return data;
    }

    /// <summary>The data a value puts into text (interpolation, concatenation, formatting): a carrier only when its ToString prints it.</summary>
    public PersonalData? EvaluateAsText(IOperation operation) => Evaluate(operation) is { } data ? AsText(operation, data) : null;

    private PersonalData? AsText(IOperation operation, PersonalData data)
    {
        if (!data.IsCarrier)
        {
            return data;
        }

        // A record built here prints the members it was given, marked or not.
        var type = Unwrap(operation).Type;
        return _flow.PrintsPersonalData(type, _nesting, _cancellationToken) || (data.Members is not null && type is { IsRecord: true })
            ? data.AsValue()
            : null;
    }

    private PersonalData? EvaluateCore(IOperation operation)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand);
            case ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or INameOfOperation or ISizeOfOperation
                or IDelegateCreationOperation or IAnonymousFunctionOperation or IFlowAnonymousFunctionOperation
                or IIsNullOperation or IIsPatternOperation or IIsTypeOperation:
                return null;
            case ILocalReferenceOperation local:
                return _state[local.Local];
            case IParameterReferenceOperation parameter:
                return PersonalData.Merge(_state[parameter.Parameter], Marked(parameter.Parameter, _flow.Markings.Marked(parameter.Parameter)));
            case IFlowCaptureReferenceOperation capture:
                return _state[CaptureKey.Of(capture.Id)];
            case IInstanceReferenceOperation:
                return _state[FlowState.This];
            case IPropertyReferenceOperation or IFieldReferenceOperation:
                return MemberRead((IMemberReferenceOperation)operation);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IObjectCreationOperation creation:
                return Creation(creation);
            case IAnonymousObjectCreationOperation anonymous:
                return PersonalData.Object(InitializedMembers(anonymous.Initializers), isCarrier: true);
            case ITupleOperation tuple:
                var items = ImmutableDictionary<string, PersonalData>.Empty;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    if (Evaluate(tuple.Elements[i]) is { } item)
                    {
                        items = items.Add("Item" + (i + 1), item);
                    }
                }

                return PersonalData.Object(items, isCarrier: false);
            case IArrayCreationOperation array:
                return array.Initializer is null ? null : MergeAll(array.Initializer.ElementValues, asText: false);
            case IArrayElementReferenceOperation element:
                return Evaluate(element.ArrayReference);
            case IInterpolatedStringOperation interpolated:
                return MergeAll(interpolated.Parts.OfType<IInterpolationOperation>().Select(part => part.Expression), asText: true);
            case IBinaryOperation binary:
                return PersonalData.Merge(EvaluateAsText(binary.LeftOperand), EvaluateAsText(binary.RightOperand));
            case IConditionalOperation conditional:
                return PersonalData.Merge(Evaluate(conditional.WhenTrue), Evaluate(conditional.WhenFalse));
            case ICoalesceOperation coalesce:
                return PersonalData.Merge(Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull));
            case IAwaitOperation awaited:
                return Evaluate(awaited.Operation);
            case ISimpleAssignmentOperation assignment:
                return Evaluate(assignment.Value);
            default:
                return MergeAll(operation.ChildOperations, asText: false);
        }
    }

    private PersonalData? MemberRead(IMemberReferenceOperation reference)
    {
        var member = reference.Member;
        var marked = Marked(member, _flow.Markings.Marked(member));
        if (reference.Instance is null or IInstanceReferenceOperation && _state[member] is { } stored)
        {
            return PersonalData.Merge(marked, stored);
        }

        if (reference.Instance is null or IInstanceReferenceOperation && marked is null && _flow.IsStorage(member))
        {
            return _flow.Summaries.StoredIn(member.OriginalDefinition, _nesting, _cancellationToken);
        }

        return MemberOf(member, marked, reference.Instance is null ? null : Evaluate(reference.Instance));
    }

    /// <summary>What a member of a value holds, given what the value holds (a member read, a property pattern).</summary>
    private PersonalData? MemberOf(ISymbol member, PersonalData? marked, PersonalData? receiver)
    {
        if (receiver?.Members is not null && member is IPropertySymbol { Name: "Current" } && IsEnumerator(member.ContainingType))
        {
            // The element a foreach's enumerator is at: one of the objects the sequence holds, members apart.
            return PersonalData.Merge(marked, receiver);
        }

        if (receiver?.Members is { } members)
        {
            return PersonalData.Merge(marked, members.TryGetValue(MemberName(member), out var value) ? value : null);
        }

        if (member is IPropertySymbol { GetMethod: { } getter } && _flow.HasBody(getter))
        {
            var computed = _flow.Summaries.Get(getter, _nesting, _cancellationToken).Return?
                .Instantiate(p => p == PersonalDataSource.ThisPlaceholder ? receiver : null, _flow.Step(member));
            return PersonalData.Merge(marked, computed);
        }

        // The contents of a value (a string, a list of addresses) go with it; a carrier's unmarked members do not.
        return receiver is { IsCarrier: false } && !IsSizeOf(member) ? PersonalData.Merge(marked, receiver) : marked;
    }

    private PersonalData? Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (_flow.Sanitizers.IsSanitizer(method))
        {
            return null;
        }

        var marked = Marked(method, _flow.Markings.MarkedReturn(method));
        if (_flow.HasBody(method))
        {
            if (!_flow.Summaries.TryGetKnown(method, out var summary))
            {
                // A method that brings no data of its own, given none, returns none: no summary needed.
                if (!_flow.SourceScan.MayBringOwnData(method, _cancellationToken) && !HasArgumentData(invocation))
                {
#if DEBUG
                    // The source scan must over-approximate the summaries: every test checks that the one skipped returns nothing.
                    if (_flow.Summaries.Get(method, _nesting, _cancellationToken).Return?.Instantiate(_ => null, _flow.Step(method)) is { } missed)
                    {
                        throw new System.InvalidOperationException($"The source scan said {method.Name} brings no data of its own, but it returns {missed.SourcesText}.");
                    }
#endif
                    return marked;
                }

                summary = _flow.Summaries.Get(method, _nesting, _cancellationToken);
            }

            return PersonalData.Merge(marked, summary.Return?.Instantiate(p => ArgumentData(invocation, p), _flow.Step(method)));
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return PersonalData.Merge(marked, LocalFunctionReturn(invocation));
        }

        if (CannotCarryNumber(invocation))
        {
            return marked;
        }

        if (method.Name == "<Clone>$" && invocation.Instance is { } original)
        {
            // A with expression's copy (the graph clones, then assigns the members given): it holds what the original
            // holds, members included, so the members the with replaces are replaced, not added to.
            return Evaluate(original);
        }

        if (method.Name == nameof(ToString) && method.Parameters.IsEmpty && invocation.Instance is { } printed)
        {
            return PersonalData.Merge(marked, EvaluateAsText(printed));
        }

        if (IsSerializer(method))
        {
            // A serialiser writes every member: the whole object's data, whatever its ToString does.
            var serialised = marked;
            foreach (var argument in invocation.Arguments)
            {
                serialised = PersonalData.Merge(serialised, Evaluate(argument.Value)?.AsValue());
            }

            return serialised;
        }

        // A library call (string methods, formatting, encodings, LINQ): what goes in comes out.
        var result = marked;
        if (invocation.Instance is { } instance)
        {
            result = PersonalData.Merge(result, Passed(instance, invocation));
        }

        foreach (var argument in invocation.Arguments)
        {
            result = PersonalData.Merge(result, argument.Value is IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation lambda }
                // A lambda's result reaches the call's result only when the result holds values of its type:
                // Select(x => x.Email) gives strings; OrderBy(x => x.Email) gives the customers back.
                ? (invocation.Type.Mentions(lambda.Symbol.ReturnType, maxDepth: 3) ? Lambda(lambda, invocation) : null)
                : Passed(argument.Value, invocation));
        }

        return result;
    }

    /// <summary>
    /// What a value given to a library call passes on to its result: the objects themselves, members apart, when the
    /// result holds values of their type (ToList, Where, First, Task.FromResult over DTOs built here); else their text.
    /// </summary>
    private PersonalData? Passed(IOperation value, IInvocationOperation invocation)
    {
        var data = Evaluate(value);
        if (data?.Members is not null && Unwrap(value).Type is { } type
            && (invocation.Type.Mentions(ElementOf(type), maxDepth: 3) || IsEnumerator(invocation.Type) && invocation.Type!.ContainingType.Mentions(ElementOf(type), maxDepth: 3)))
        {
            // (A List<T>'s enumerator is a type nested in List<T>: its containing type names the elements.)
            return data;
        }

        return data is null ? null : AsText(value, data);
    }

    private static bool IsEnumerator(ITypeSymbol? type) =>
        type is not null
        && (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerator_T
            || type.AllInterfaces.Any(contract => contract.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerator_T));

    // The values a sequence holds (IEnumerable<T>, arrays); any other value, itself.
    private static ITypeSymbol ElementOf(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequence)
        {
            return sequence.TypeArguments[0];
        }

        foreach (var contract in type.AllInterfaces)
        {
            if (contract.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return contract.TypeArguments[0];
            }
        }

        return type;
    }

    private bool HasArgumentData(IInvocationOperation invocation) =>
        invocation.Instance is { } instance && Evaluate(instance) is not null || HasArgumentData(invocation.Arguments);

    private bool HasArgumentData(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (Evaluate(argument.Value) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lambda given to a library call (a LINQ projection): its result, with its parameter bound to the elements.</summary>
    private PersonalData? Lambda(IFlowAnonymousFunctionOperation lambda, IInvocationOperation invocation)
    {
        if (_nesting >= MaxNesting)
        {
            return null;
        }

        var graph = _graph!.GetAnonymousFunctionControlFlowGraphInScope(lambda, _cancellationToken);
        return Run(_flow, graph, LambdaEntry(lambda, invocation), observer: null, _nesting + 1, _cancellationToken);
    }

    /// <summary>
    /// The state a lambda given to a library call starts from: what it captures, and its first parameter bound to the
    /// elements the call hands it (list.ForEach(x => ...), items.Select(x => ...)): those of the object it is called
    /// on, or of its first argument that is not a delegate.
    /// </summary>
    private FlowState LambdaEntry(IFlowAnonymousFunctionOperation lambda, IInvocationOperation invocation)
    {
        if (lambda.Symbol.Parameters.IsEmpty)
        {
            return _state;
        }

        var source = invocation.Instance ?? invocation.Arguments.FirstOrDefault(a => a.Value is not IDelegateCreationOperation)?.Value;
        var parameter = lambda.Symbol.Parameters[0];

        // Only where the parameter takes the elements: the key a GetOrAdd(id, k => ...) factory is given is not the values.
        return source is { Type: { } type } && (SymbolEqualityComparer.Default.Equals(parameter.Type, ElementOf(type)) || parameter.Type.SpecialType == SpecialType.System_Object)
            ? _state.Set(parameter, Evaluate(source))
            : _state;
    }

    /// <summary>The library call a lambda is given to, if it is one's argument.</summary>
    private IInvocationOperation? LibraryCallGiven(IFlowAnonymousFunctionOperation lambda) =>
        lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } } && !_flow.HasBody(call.TargetMethod)
            ? call
            : null;

    private PersonalData? Creation(IObjectCreationOperation creation)
    {
        var members = ImmutableDictionary<string, PersonalData>.Empty;
        PersonalData? contents = null;
        var constructor = creation.Constructor;
        var ownType = constructor is not null && PersonalDataFlow.HasSource(constructor.ContainingType);
        // A constructor that brings nothing of its own, given nothing, leaves nothing in the members: no summary needed.
        var summarised = constructor is not null && _flow.HasBody(constructor)
                && (_flow.Summaries.TryGetKnown(constructor, out _) || _flow.SourceScan.MayBringOwnData(constructor, _cancellationToken) || HasArgumentData(creation.Arguments))
            ? InstanceMembers(_flow.Summaries.Get(constructor, _nesting, _cancellationToken).Members)
            : ImmutableDictionary<ISymbol, PersonalData>.Empty;
        if (!summarised.IsEmpty)
        {
            // A constructor of the compilation: what its body leaves in the members, from the arguments.
            foreach (var stored in summarised)
            {
                if (stored.Value.Instantiate(p => p >= 0 ? ArgumentData(creation.Arguments, p) : null, _flow.Step(constructor!)) is { } data)
                {
                    members = members.SetItem(stored.Key.Name, data);
                }
            }

            ownType = false;
        }

        foreach (var argument in creation.Arguments)
        {
            if (ownType && argument.Parameter is { } parameter)
            {
                // A positional record or a DTO constructor: the argument becomes the member of the same name.
                if (Evaluate(argument.Value) is { } data && creation.Type is { } type && MemberNamed(type, parameter.Name) is { } target)
                {
                    members = members.SetItem(target, data);
                }
            }
            else if (summarised.IsEmpty)
            {
                contents = PersonalData.Merge(contents, EvaluateAsText(argument.Value));
            }
        }

        if (creation.Initializer is { } initializer)
        {
            members = members.AddRange(InitializedMembers(initializer.Initializers).Where(m => !members.ContainsKey(m.Key)));
            foreach (var add in initializer.Initializers.OfType<IInvocationOperation>())
            {
                contents = PersonalData.Merge(contents, MergeAll(add.Arguments.Select(a => a.Value), asText: false));
            }
        }

        // An object of a type that can carry data, built here with an initializer that gives it nothing personal, holds
        // nothing: not every category its type can hold (an event built without its optional e-mail). Built without
        // one (new Customer()), it is taken to hold what its type can: something else may fill it.
        return PersonalData.Merge(contents, PersonalData.Object(members, isCarrier: true))
            ?? (HasInitializer(creation) && creation.Type is { } created && !_flow.Markings.Carried(created).IsEmpty ? PersonalData.Nothing(isCarrier: true) : null);
    }

    // The graph lowers an initializer into assignments after the creation: the syntax still shows it. Only plain member
    // assignments: a nested one (Recipients = { c.Phone }, Customer = { Email = e }) fills members the graph reaches
    // through a member, which the state does not follow.
    private static bool HasInitializer(IObjectCreationOperation creation) =>
        creation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax { Initializer: { } initializer }
        && initializer.Expressions.All(expression => expression is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax
        {
            Left: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax,
            Right: not Microsoft.CodeAnalysis.CSharp.Syntax.InitializerExpressionSyntax,
        });

    // The members of the object a constructor fills; its type's static ones are read back through StoredIn.
    private static ImmutableDictionary<ISymbol, PersonalData> InstanceMembers(ImmutableDictionary<ISymbol, PersonalData> members)
    {
        foreach (var member in members.Keys)
        {
            if (member.IsStatic)
            {
                return members.RemoveRange(members.Keys.Where(key => key.IsStatic));
            }
        }

        return members;
    }

    private ImmutableDictionary<string, PersonalData> InitializedMembers(ImmutableArray<IOperation> initializers)
    {
        var members = ImmutableDictionary<string, PersonalData>.Empty;
        foreach (var initializer in initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IMemberReferenceOperation target } assignment
                && Evaluate(assignment.Value) is { } data)
            {
                members = members.SetItem(MemberName(target.Member), data);
            }
        }

        return members;
    }

    private PersonalData? ArgumentData(IInvocationOperation invocation, int placeholder)
    {
        if (placeholder == PersonalDataSource.ThisPlaceholder)
        {
            return invocation.Instance is null ? null : Evaluate(invocation.Instance);
        }

        return ArgumentData(invocation.Arguments, placeholder);
    }

    private PersonalData? ArgumentData(ImmutableArray<IArgumentOperation> arguments, int placeholder)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == placeholder)
            {
                return Evaluate(argument.Value);
            }
        }

        return null;
    }

    private PersonalData? MergeAll(System.Collections.Generic.IEnumerable<IOperation> operations, bool asText)
    {
        PersonalData? merged = null;
        foreach (var operation in operations)
        {
            merged = PersonalData.Merge(merged, asText ? EvaluateAsText(operation) : Evaluate(operation));
        }

        return merged;
    }

    private static PersonalData? Marked(ISymbol symbol, PiiCategorySet categories) =>
        categories.IsEmpty ? null : PersonalData.From(new PersonalDataSource(symbol, categories));

    private bool IsSerializer(IMethodSymbol method)
    {
        var known = _flow.KnownTypes;
        var type = method.ContainingType;
        return type.Is(known.JsonSerializer) && method.Name.StartsWith("Serialize", System.StringComparison.Ordinal)
            || type.Is(known.NewtonsoftJsonConvert) && method.Name == "SerializeObject"
            || type.InheritsFromOrEquals(known.XmlSerializer) && method.Name == "Serialize";
    }

    private static bool CannotCarry(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;

    internal static bool IsSizeOf(ISymbol member) => member.Name is "Length" or "Count" or "LongLength" or "Capacity";

    // Counts, positions and hash codes of a library call are numbers about the data, not the data;
    // parsing and conversion keep it (int.Parse(phone)).
    private static bool CannotCarryNumber(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return IsNumberOrFlag(Awaited(method.ReturnType))
            && method.Name is not ("Parse" or "TryParse" or "ParseAsync")
            && !method.Name.StartsWith("To", System.StringComparison.Ordinal)
            && !ReturnsAnElement(method.Name);
    }

    // First, Single, Last, ElementAt, Min, Max (and their OrDefault and Async forms) return one of the values they are
    // given: over a column of phone numbers stored as numbers, a phone number.
    private static bool ReturnsAnElement(string name) =>
        name.StartsWith("First", System.StringComparison.Ordinal) || name.StartsWith("Single", System.StringComparison.Ordinal)
        || name.StartsWith("Last", System.StringComparison.Ordinal) || name.StartsWith("ElementAt", System.StringComparison.Ordinal)
        || name.StartsWith("Min", System.StringComparison.Ordinal) || name.StartsWith("Max", System.StringComparison.Ordinal);

    // What a call's result is once awaited and unwrapped: Task<int>, ValueTask<Guid?> and int? are numbers and ids too
    // (await CountVisitsAsync(vin) is a count, not the VIN).
    private static ITypeSymbol Awaited(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (named.Name is "Task" or "ValueTask" && named.ContainingNamespace is { Name: "Tasks" }
                || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
        {
            return Awaited(named.TypeArguments[0]);
        }

        return type;
    }

    private static bool IsNumberOrFlag(ITypeSymbol type) =>
        type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_Double or SpecialType.System_Boolean
        || type is { Name: nameof(System.Guid), ContainingNamespace: { Name: nameof(System), ContainingNamespace.IsGlobalNamespace: true } };
}
