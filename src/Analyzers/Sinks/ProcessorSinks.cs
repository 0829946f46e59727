using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// Clients of third-party processors: <c>[ThirdPartyProcessor]</c> on a method, on its type, on a base
/// type or an interface it implements, or <c>[assembly: ThirdPartyProcessor(typeof(T), ...)]</c> for a
/// type you do not own. Every argument of a call (constructors and property setters included) travels
/// to the processor, serialised whole.
/// </summary>
internal sealed class ProcessorSinks : SinkFamily
{
    private readonly INamedTypeSymbol? _attribute;
    private readonly ImmutableDictionary<INamedTypeSymbol, SinkTarget> _declared;
    private readonly ConcurrentDictionary<ISymbol, SinkTarget?> _byMember = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, SinkTarget?> _read;

    public ProcessorSinks(PersonalDataFlow flow)
        : base(flow)
    {
        var compilation = flow.Compilation;
        _attribute = flow.KnownTypes.ThirdPartyProcessorAttribute;
        _read = member => Declared(member) ?? OfType(member.ContainingType);
        var declared = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, SinkTarget>(SymbolEqualityComparer.Default);
        foreach (var data in _attribute is null ? ImmutableArray<AttributeData>.Empty : compilation.Assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _attribute)
                && data.ConstructorArguments.Length == 3
                && data.ConstructorArguments[0].Value is INamedTypeSymbol client
                && Read(data.ConstructorArguments[1], data.ConstructorArguments[2]) is { } processor)
            {
                declared[client.OriginalDefinition] = processor;
            }
        }

        _declared = declared.ToImmutable();
    }

    public override SinkKind Kind => SinkKind.Processor;

    // The processor receives the whole object: a carrier sends every category it holds.
    protected override PersonalData? Evaluate(BodyAnalysis analysis, IOperation value) => analysis.Evaluate(value);

    public override bool IsSinkCall(IOperation call) => ProcessorOf(call) is not null;

    public override bool MayBeSinkMethod(IMethodSymbol method) => _attribute is not null && ProcessorOf(method) is not null;

    /// <summary>Reports each value a processor call transfers, with the processor it goes to.</summary>
    protected override bool ObserveSink(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, SinkTarget> report)
    {
        // The arguments are gathered (params expanded) only for a client's call: most calls are not.
        if (ProcessorOf(call) is not { } processor)
        {
            return false;
        }

        var values = call switch
        {
            IInvocationOperation invocation => Arguments(invocation.Arguments),
            IObjectCreationOperation creation => Arguments(creation.Arguments),
            ISimpleAssignmentOperation assignment => new[] { assignment.Value },
            _ => Array.Empty<IOperation>(),
        };

        foreach (var value in values)
        {
            if (Evaluate(analysis, value) is { } data)
            {
                report(value, data, processor);
            }
        }

        return true;
    }

    private SinkTarget? ProcessorOf(IOperation call)
    {
        var method = call switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.SetMethod: { } setter } } => setter,
            _ => null,
        };

        return _attribute is null || method is null ? null : ProcessorOf(method);
    }

    private SinkTarget? ProcessorOf(IMethodSymbol method) =>
        _byMember.GetOrAdd(method.OriginalDefinition, _read);

    private SinkTarget? OfType(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Declared(current) is { } processor)
            {
                return processor;
            }

            if (_declared.TryGetValue(current.OriginalDefinition, out var sdk))
            {
                return sdk;
            }
        }

        foreach (var contract in type?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
        {
            if (Declared(contract) is { } processor)
            {
                return processor;
            }

            if (_declared.TryGetValue(contract.OriginalDefinition, out var sdk))
            {
                return sdk;
            }
        }

        return null;
    }

    private SinkTarget? Declared(ISymbol symbol)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _attribute) && data.ConstructorArguments.Length == 2)
            {
                return Read(data.ConstructorArguments[0], data.ConstructorArguments[1]);
            }
        }

        return null;
    }

    private static SinkTarget? Read(TypedConstant name, TypedConstant permitted)
    {
        if (name.Value is not string processorName || processorName.Trim().Length == 0 || permitted.Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var categories = PiiCategorySet.Empty;
        foreach (var category in permitted.Values)
        {
            if (category.Value is int value)
            {
                categories = categories.Union(PiiCategorySet.Of(value));
            }
        }

        return new SinkTarget(processorName, categories);
    }

    private static IReadOnlyList<IOperation> Arguments(ImmutableArray<IArgumentOperation> arguments)
    {
        var values = new List<IOperation>();
        foreach (var argument in arguments)
        {
            values.AddRange(Expand(argument));
        }

        return values;
    }
}
