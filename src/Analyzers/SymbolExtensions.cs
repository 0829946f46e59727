using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers;

internal static class SymbolExtensions
{
    /// <summary>
    /// The declaration of the method that has its body: a partial method's implementing part (a call binds to the defining
    /// part, which has none), else the method itself.
    /// </summary>
    public static IMethodSymbol WithBody(this IMethodSymbol method) => method.PartialImplementationPart ?? method;

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it; false when the base is not referenced.</summary>
    public static bool InheritsFromOrEquals(this ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="type"/> is <paramref name="target"/> or names it in its type arguments, element or
    /// pointed-at type (List&lt;Customer&gt;, Customer[]), looking at most <paramref name="maxDepth"/> levels down.
    /// </summary>
    public static bool Mentions(this ITypeSymbol? type, ITypeSymbol target, int maxDepth) => maxDepth >= 0 && type switch
    {
        null => false,
        _ when SymbolEqualityComparer.Default.Equals(type, target) => true,
        IArrayTypeSymbol array => array.ElementType.Mentions(target, maxDepth - 1),
        IPointerTypeSymbol pointer => pointer.PointedAtType.Mentions(target, maxDepth - 1),
        INamedTypeSymbol named => named.TypeArguments.Any(argument => argument.Mentions(target, maxDepth - 1)),
        _ => false,
    };

    /// <summary>Whether the symbol carries an attribute of <paramref name="attribute"/>'s class or a subclass; false when it is not referenced.</summary>
    /// <remarks>A loop, not <c>Any</c> with a lambda: a lambda over the attribute class allocates a delegate per call.</remarks>
    public static bool HasAttribute(this ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (data.AttributeClass.InheritsFromOrEquals(attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> (generic definitions compared); false when it is not referenced.</summary>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, known);

    /// <summary>Whether <paramref name="type"/> is or implements the interface <paramref name="contract"/>.</summary>
    public static bool Implements(this ITypeSymbol? type, INamedTypeSymbol? contract)
    {
        if (type is null || contract is null)
        {
            return false;
        }

        if (type.Is(contract))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Is(contract))
            {
                return true;
            }
        }

        return false;
    }
}
