using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The data-flow engine: tells whether a value that reaches a sink holds personal data, and where it
/// came from. One instance per compilation, shared by every rule, so what it learns about a symbol is
/// learnt once.
/// </summary>
/// <remarks>
/// Cost: a query walks the value's operation tree once (linear in its size); the markings of a symbol
/// are read once and memoised. Today the engine recognises direct reads of <c>[Pii]</c> members
/// (through conversions and parentheses); the ordered, interprocedural propagation of SPEC.md's
/// "What must be followed" slots in behind <see cref="Trace"/> without changing the rules.
/// </remarks>
internal sealed class PersonalDataFlow
{
    private static readonly ConditionalWeakTable<Compilation, PersonalDataFlow?> s_byCompilation = new();

    private readonly ConcurrentDictionary<ISymbol, PiiCategorySet> _markings = new(SymbolEqualityComparer.Default);

    private PersonalDataFlow(KnownTypes knownTypes) => KnownTypes = knownTypes;

    public KnownTypes KnownTypes { get; }

    /// <summary>The engine of a compilation, or <see langword="null"/> when it cannot mark personal data.</summary>
    public static PersonalDataFlow? For(Compilation compilation) =>
        s_byCompilation.GetValue(compilation, static c => KnownTypes.Create(c) is { } known ? new PersonalDataFlow(known) : null);

    /// <summary>Finds personal data in <paramref name="value"/>, or returns <see langword="null"/>.</summary>
    public PersonalDataFinding? Trace(IOperation value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var operation = Unwrap(value);
        var symbol = operation switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => (ISymbol)field.Field,
            _ => null,
        };

        if (symbol is null)
        {
            return null;
        }

        var categories = MarkedCategories(symbol);
        return categories.IsEmpty ? null : new PersonalDataFinding(new PersonalDataSource(symbol, categories), ImmutableArray<string>.Empty);
    }

    /// <summary>The categories a symbol is marked with by <c>[Pii]</c>; empty when it carries none.</summary>
    public PiiCategorySet MarkedCategories(ISymbol symbol) =>
        _markings.GetOrAdd(symbol.OriginalDefinition, ReadMarkings);

    private PiiCategorySet ReadMarkings(ISymbol symbol)
    {
        var categories = PiiCategorySet.Empty;
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, KnownTypes.PiiAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is int category)
            {
                categories = categories.Union(PiiCategorySet.Of(category));
            }
        }

        return categories;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
