using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Inference;

/// <summary>Whether a property or field is named like personal data and has a type that can hold it (PII100).</summary>
internal static class NameInference
{
    /// <summary>The dictionary term the member's name and type match; <see langword="null"/> when they do not.</summary>
    public static PersonalDataNames.Term? Infer(ISymbol member)
    {
        var type = member switch
        {
            IPropertySymbol { IsIndexer: false } property => property.Type,
            IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field => field.Type,
            _ => null,
        };

        if (type is null || member.ContainingType is not { } containingType)
        {
            return null;
        }

        var term = PersonalDataNames.Match(member.Name, PersonalDataNames.IsPersonType(containingType.Name));
        return term is not null && (term.Shapes & ValueShapes.Of(type)) != 0 ? term : null;
    }
}
