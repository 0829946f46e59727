using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Inference;

/// <summary>
/// Whether a property or field is named like personal data and has a type that can hold it (PII100), for one
/// compilation. The dictionary's answer depends on the names alone, and a code base repeats its names (every
/// module's <c>Email</c>, every DTO's <c>Customer…</c>), so it is memoised per name: the words of each name are
/// split and looked up once, not once per member.
/// </summary>
internal sealed class NameInference
{
    private readonly ConcurrentDictionary<string, bool> _personTypes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PersonalDataNames.Term?> _onPersonType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PersonalDataNames.Term?> _elsewhere = new(StringComparer.Ordinal);

    // The tables' factories, made once: a method group passed to GetOrAdd allocates a delegate on every lookup.
    private readonly Func<string, bool> _readPersonType = PersonalDataNames.IsPersonType;
    private readonly Func<string, PersonalDataNames.Term?> _matchOnPersonType = name => PersonalDataNames.Match(name, onPersonType: true);
    private readonly Func<string, PersonalDataNames.Term?> _matchElsewhere = name => PersonalDataNames.Match(name, onPersonType: false);

    /// <summary>The dictionary term the member's name and type match; <see langword="null"/> when they do not.</summary>
    public PersonalDataNames.Term? Infer(ISymbol member)
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

        var term = _personTypes.GetOrAdd(containingType.Name, _readPersonType)
            ? _onPersonType.GetOrAdd(member.Name, _matchOnPersonType)
            : _elsewhere.GetOrAdd(member.Name, _matchElsewhere);
        return term is not null && (term.Shapes & ValueShapes.Of(type)) != 0 ? term : null;
    }
}
