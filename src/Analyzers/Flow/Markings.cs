using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Inference;
using PiiGuard.Analyzers.Options;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// What the code says is personal data: <c>[Pii]</c> on members, parameters, return values and types,
/// and the types that carry such data in their members (directly, nested, or in collections). Read once
/// per symbol and memoised. Where <c>piiguard.treat_inferred_as_pii</c> is on, a member named like personal
/// data (PII100) counts as marked with the inferred category.
/// </summary>
internal sealed class Markings
{
    private const int MaxCarrierDepth = 4;

    private readonly KnownTypes _known;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly ConcurrentDictionary<ISymbol, PiiCategorySet> _declared = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, PiiCategorySet> _marked = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, PiiCategorySet> _returns = new(SymbolEqualityComparer.Default);
    // A type's answer, where the depth bound did not cut its exploration: the same at any depth. Where it did,
    // the answer holds for that depth only (it looks MaxCarrierDepth - depth levels further), so it is kept per
    // depth. Keeping only the top-level answer left every nested type re-explored on each request: exponential
    // in a rich type graph (a file of PiiGuard's own engine took ~0.3 s cold).
    private readonly ConcurrentDictionary<ITypeSymbol, PiiCategorySet> _carried = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, PiiCategorySet>[] _carriedCut = CreateCarriedTables();

    // The tables' factories, made once: a method group passed to GetOrAdd allocates a delegate on every lookup.
    private readonly Func<ISymbol, PiiCategorySet> _markedOrInferred;
    private readonly Func<ISymbol, PiiCategorySet> _readMarkings;
    private readonly Func<IMethodSymbol, PiiCategorySet> _readReturn;
    private readonly ConcurrentDictionary<ITypeParameterSymbol, bool> _holdsValuesOf = new(SymbolEqualityComparer.Default);
    private readonly Func<ITypeParameterSymbol, bool> _readHoldsValuesOf = ReadHoldsValuesOf;

    public Markings(KnownTypes known, AnalyzerConfigOptionsProvider options)
    {
        _known = known;
        _options = options;
        _markedOrInferred = MarkedOrInferred;
        _readMarkings = ReadMarkings;
        _readReturn = method => Read(method.GetReturnTypeAttributes());
    }

    /// <summary>What member names say (PII100, and the markings where the options count inferred members).</summary>
    public NameInference Names { get; } = new();

    /// <summary>
    /// The categories a member, parameter or type holds: declared by <c>[Pii]</c> or an ecosystem marking, or
    /// inferred from the name where the options say so; empty when it holds none.
    /// </summary>
    public PiiCategorySet Marked(ISymbol symbol) =>
        IsSpecialType(symbol) ? PiiCategorySet.Empty : _marked.GetOrAdd(symbol.OriginalDefinition, _markedOrInferred);

    /// <summary>The categories declared by <c>[Pii]</c> or an ecosystem marking only.</summary>
    public PiiCategorySet Declared(ISymbol symbol) =>
        IsSpecialType(symbol) ? PiiCategorySet.Empty : _declared.GetOrAdd(symbol.OriginalDefinition, _readMarkings);

    // string, int, object: the runtime's own types carry no marking. Most values are of one, and asked about often.
    private static bool IsSpecialType(ISymbol symbol) => symbol is ITypeSymbol { SpecialType: not SpecialType.None };

    /// <summary>Whether the member is marked <c>[NotPii]</c>: whatever its name says, it holds no personal data.</summary>
    public bool IsNotPii(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _known.NotPiiAttribute))
            {
                return true;
            }
        }

        return false;
    }

    // Reads the markings itself rather than through Declared: memoised once, in _marked, not in both tables.
    private PiiCategorySet MarkedOrInferred(ISymbol symbol)
    {
        var declared = ReadMarkings(symbol);
        if (!declared.IsEmpty || symbol is not (IPropertySymbol or IFieldSymbol) || symbol.DeclaringSyntaxReferences is not { IsEmpty: false } declarations)
        {
            return declared;
        }

        var tree = declarations[0].SyntaxTree;
        return PiiGuardOptions.TreatInferredAsPii(_options.GetOptions(tree)) && !IsNotPii(symbol) && Names.Infer(symbol) is { } term
            ? PiiCategorySet.Of(term.CategoryIndex)
            : declared;
    }

    /// <summary>The categories <c>[Pii]</c> gives a method's return value.</summary>
    public PiiCategorySet MarkedReturn(IMethodSymbol method) =>
        _returns.GetOrAdd(method.OriginalDefinition, _readReturn);

    /// <summary>The categories a value of <paramref name="type"/> carries in its members; empty for none.</summary>
    public PiiCategorySet Carried(ITypeSymbol type) => CarriedCore(type, 0, out _);

    private PiiCategorySet CarriedCore(ITypeSymbol type, int depth, out bool cut)
    {
        cut = false;
        if (type.SpecialType != SpecialType.None)
        {
            return PiiCategorySet.Empty;
        }

        if (depth > MaxCarrierDepth)
        {
            cut = true;
            return PiiCategorySet.Empty;
        }

        if (_carried.TryGetValue(type, out var exact))
        {
            return exact;
        }

        if (_carriedCut[depth].TryGetValue(type, out var bounded))
        {
            cut = true;
            return bounded;
        }

        var categories = PiiCategorySet.Empty;
        switch (type)
        {
            case IArrayTypeSymbol array:
                categories = Marked(array.ElementType).Union(CarriedCore(array.ElementType, depth + 1, out cut));
                break;
            case INamedTypeSymbol named:
                for (var i = 0; i < named.TypeArguments.Length; i++)
                {
                    if (!HoldsValuesOf(named.OriginalDefinition.TypeParameters[i]))
                    {
                        continue;
                    }

                    var argument = named.TypeArguments[i];
                    categories = categories.Union(Marked(argument)).Union(CarriedCore(argument, depth + 1, out var argumentCut));
                    cut |= argumentCut;
                }

                if (!IsInSystemNamespace(named))
                {
                    foreach (var member in named.GetMembers())
                    {
                        if (member.IsStatic || member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared && member is IFieldSymbol)
                        {
                            continue;
                        }

                        var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                        categories = categories.Union(Marked(member)).Union(Marked(memberType)).Union(CarriedCore(memberType, depth + 1, out var memberCut));
                        cut |= memberCut;
                    }
                }

                break;
        }

        // An answer the depth bound did not cut is the type's answer at any depth; a cut one only at this depth.
        if (cut)
        {
            _carriedCut[depth].TryAdd(type, categories);
        }
        else
        {
            _carried.TryAdd(type, categories);
        }

        return categories;
    }

    /// <summary>
    /// Whether a generic type holds values of its type parameter: a member gives one out (List's indexer, Task's
    /// Result, IEnumerable's enumerator, Func's Invoke), or a base type or interface names it (taken to hold it,
    /// to be safe). ILogger&lt;T&gt;, IComparer&lt;T&gt; and Action&lt;T&gt; name a type without holding any of
    /// it: a logger of a service that keeps customers carries no customer.
    /// </summary>
    private bool HoldsValuesOf(ITypeParameterSymbol parameter) => _holdsValuesOf.GetOrAdd(parameter, _readHoldsValuesOf);

    private static bool ReadHoldsValuesOf(ITypeParameterSymbol parameter)
    {
        if (parameter.DeclaringType is not { } type)
        {
            return true;
        }

        if (type.BaseType is { } baseType && baseType.Mentions(parameter, MaxCarrierDepth))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Mentions(parameter, MaxCarrierDepth))
            {
                return true;
            }
        }

        foreach (var member in type.GetMembers())
        {
            var exposed = member switch
            {
                IFieldSymbol { IsStatic: false } field => field.Type.Mentions(parameter, MaxCarrierDepth),
                IPropertySymbol { IsStatic: false } property => property.Type.Mentions(parameter, MaxCarrierDepth),
                IMethodSymbol { IsStatic: false } method => method.ReturnType.Mentions(parameter, MaxCarrierDepth)
                    || method.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref && p.Type.Mentions(parameter, MaxCarrierDepth)),
                _ => false,
            };

            if (exposed)
            {
                return true;
            }
        }

        return false;
    }

    // The framework's types carry no personal data of their own: only their type arguments are looked into.
    private static bool IsInSystemNamespace(INamedTypeSymbol type)
    {
        var outermost = type.ContainingNamespace;
        while (outermost is { ContainingNamespace.IsGlobalNamespace: false })
        {
            outermost = outermost.ContainingNamespace;
        }

        return outermost is { IsGlobalNamespace: false } && outermost.Name.StartsWith("System", System.StringComparison.Ordinal);
    }

    private static ConcurrentDictionary<ITypeSymbol, PiiCategorySet>[] CreateCarriedTables()
    {
        var tables = new ConcurrentDictionary<ITypeSymbol, PiiCategorySet>[MaxCarrierDepth + 1];
        for (var depth = 0; depth < tables.Length; depth++)
        {
            tables[depth] = new ConcurrentDictionary<ITypeSymbol, PiiCategorySet>(SymbolEqualityComparer.Default);
        }

        return tables;
    }

    private PiiCategorySet ReadMarkings(ISymbol symbol) => Read(symbol.GetAttributes());

    private PiiCategorySet Read(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        var categories = PiiCategorySet.Empty;
        var ecosystemMarked = false;
        foreach (var attribute in attributes)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _known.PiiAttribute))
            {
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int category)
                {
                    categories = categories.Union(PiiCategorySet.Of(category));
                }
            }
            else if (attribute.AttributeClass.InheritsFromOrEquals(_known.PersonalDataAttribute)
                || attribute.AttributeClass.InheritsFromOrEquals(_known.DataClassificationAttribute))
            {
                ecosystemMarked = true;
            }
        }

        // The ecosystem's markings say that a member is personal, not what it is: alone they are category Other;
        // beside [Pii] they add nothing, or a processor permitted the [Pii] category would be refused an Other.
        return categories.IsEmpty && ecosystemMarked ? PiiCategorySet.Of(PiiCategorySet.OtherIndex) : categories;
    }
}
