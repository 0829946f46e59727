using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>Where personal data comes from: a marked member, parameter or return value.</summary>
internal sealed class PersonalDataSource
{
    public PersonalDataSource(ISymbol symbol, PiiCategorySet categories)
    {
        Symbol = symbol;
        Categories = categories;
    }

    public ISymbol Symbol { get; }

    public PiiCategorySet Categories { get; }

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

    /// <summary>"Customer.DateOfBirth (DateOfBirth)".</summary>
    public override string ToString() =>
        $"{Symbol.ContainingType?.Name}.{Symbol.Name} ({Categories})";
}
