using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Where personal data comes from: a marked member, parameter or return value, or a type whose values
/// are or carry personal data. A placeholder stands for a parameter (or <c>this</c>) while a method
/// summary is computed, and is replaced by the argument's data at each call.
/// </summary>
internal sealed class PersonalDataSource : System.IEquatable<PersonalDataSource>
{
    public const int NotAPlaceholder = -2;
    public const int ThisPlaceholder = -1;

    public PersonalDataSource(ISymbol symbol, PiiCategorySet categories, int placeholder = NotAPlaceholder)
    {
        Symbol = symbol;
        Categories = categories;
        Placeholder = placeholder;
    }

    public ISymbol Symbol { get; }

    public PiiCategorySet Categories { get; }

    /// <summary>The parameter ordinal this placeholder stands for, <see cref="ThisPlaceholder"/>, or <see cref="NotAPlaceholder"/>.</summary>
    public int Placeholder { get; }

    public bool IsPlaceholder => Placeholder != NotAPlaceholder;

    /// <summary>The declaration, for the diagnostic's additional location; none for metadata.</summary>
    public Location? Location
    {
        get
        {
            foreach (var location in Symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return location;
                }
            }

            return null;
        }
    }

    public bool Equals(PersonalDataSource? other) =>
        other is not null && Placeholder == other.Placeholder && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

    public override bool Equals(object? obj) => Equals(obj as PersonalDataSource);

    public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(Symbol) ^ Placeholder;

    /// <summary>"Customer.DateOfBirth (DateOfBirth)", "parameter 'email' (Email)", "Customer (Name, Email)".</summary>
    public override string ToString()
    {
        var name = Symbol switch
        {
            IParameterSymbol parameter => $"parameter '{parameter.Name}'",
            ITypeSymbol type => type.Name,
            IMethodSymbol method => $"{method.ContainingType?.Name}.{method.Name}()",
            _ => $"{Symbol.ContainingType?.Name}.{Symbol.Name}",
        };
        return $"{name} ({Categories})";
    }
}
