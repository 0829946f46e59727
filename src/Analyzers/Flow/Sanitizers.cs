using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Methods whose result carries no personal data, matched by symbol, never by name: <c>[Redacts]</c>
/// (on the method or at assembly level), hashing and HMAC, <c>IDataProtector.Protect</c> (not
/// <c>Unprotect</c>), and Microsoft.Extensions.Compliance redactors.
/// </summary>
internal sealed class Sanitizers
{
    private readonly KnownTypes _known;
    private readonly ImmutableHashSet<(INamedTypeSymbol Type, string Name)> _declared;

    public Sanitizers(Compilation compilation, KnownTypes known)
    {
        _known = known;
        var declared = ImmutableHashSet.CreateBuilder<(INamedTypeSymbol, string)>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.RedactsAttribute)
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol type
                && attribute.ConstructorArguments[1].Value is string name)
            {
                declared.Add((type.OriginalDefinition, name));
            }
        }

        _declared = declared.ToImmutable();
    }

    public bool IsSanitizer(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        foreach (var attribute in definition.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _known.RedactsAttribute))
            {
                return true;
            }
        }

        var type = definition.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        if (!_declared.IsEmpty && _declared.Contains((type, definition.Name)))
        {
            return true;
        }

        return definition.Name switch
        {
            "ComputeHash" or "TryComputeHash" or "HashData" or "TryHashData" or "HashDataAsync" or "ComputeHashAsync"
                => type.InheritsFromOrEquals(_known.HashAlgorithm),
            "GetHashAndReset" or "GetCurrentHash" => Is(type, _known.IncrementalHash),
            "Protect" => Is(type, _known.DataProtector) || Is(type, _known.DataProtectionExtensions),
            "Redact" => type.InheritsFromOrEquals(_known.Redactor),
            _ => false,
        };
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);
}
