using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers;

internal static class SymbolExtensions
{
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
