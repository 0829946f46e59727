using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Inference;

/// <summary>What a member's type can hold, so a name is believed only where the value fits: a count is never an email.</summary>
[Flags]
internal enum ValueShape
{
    None = 0,

    /// <summary><c>string</c>, <c>char[]</c>, <c>SecureString</c>.</summary>
    Text = 1,

    /// <summary><c>DateTime</c>, <c>DateTimeOffset</c>, <c>DateOnly</c>.</summary>
    Date = 2,

    /// <summary>Integral numbers and <c>decimal</c>: phone and card numbers stored as digits.</summary>
    Integer = 4,

    /// <summary><c>double</c>, <c>float</c>, <c>decimal</c>: coordinates.</summary>
    Coordinate = 8,

    /// <summary>An enum or a <c>char</c>: one of a few values (a gender, a blood group).</summary>
    Category = 16,

    /// <summary><c>byte[]</c>: an image, a template, a key.</summary>
    Bytes = 32,

    /// <summary><c>System.Net.IPAddress</c>.</summary>
    IpAddress = 64,
}

internal static class ValueShapes
{
    /// <summary>The shape of a value of <paramref name="type"/>, or of its elements for a collection or <c>Nullable</c>.</summary>
    public static ValueShape Of(ITypeSymbol type) => Of(type, depth: 0);

    private static ValueShape Of(ITypeSymbol type, int depth)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return ValueShape.Text;
            case SpecialType.System_Boolean:
                return ValueShape.None;
            case SpecialType.System_Char:
                return ValueShape.Category;
            case SpecialType.System_DateTime:
                return ValueShape.Date;
            case SpecialType.System_Decimal:
                return ValueShape.Integer | ValueShape.Coordinate;
            case SpecialType.System_Double or SpecialType.System_Single:
                return ValueShape.Coordinate;
            case SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
                or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64:
                return ValueShape.Integer;
            case SpecialType.System_Nullable_T:
                return ValueShape.None;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueShape.Category;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType.SpecialType switch
            {
                SpecialType.System_Char => ValueShape.Text,
                SpecialType.System_Byte => ValueShape.Bytes,
                _ => depth < 2 ? Of(array.ElementType, depth + 1) : ValueShape.None,
            };
        }

        if (type is not INamedTypeSymbol named)
        {
            return ValueShape.None;
        }

        if (named.TypeArguments.Length == 1 && depth < 2
            && (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || IsCollection(named)))
        {
            return Of(named.TypeArguments[0], depth + 1);
        }

        return (named.ContainingNamespace?.ToDisplayString(), named.Name) switch
        {
            ("System", "DateTimeOffset" or "DateOnly") => ValueShape.Date,
            ("System.Net", "IPAddress") => ValueShape.IpAddress,
            ("System.Security", "SecureString") => ValueShape.Text,
            _ => ValueShape.None,
        };
    }

    private static bool IsCollection(INamedTypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        || type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
}
