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
}
