using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// EF Core entities: a type reached through a <c>DbSet&lt;T&gt;</c> property of a context or through
/// <c>modelBuilder.Entity&lt;T&gt;()</c> is stored by the database, so each of its personal members must
/// be encrypted at rest (<c>[Encrypted]</c>, or Identity's <c>[ProtectedPersonalData]</c>). The finding
/// is on the member; <c>Add</c> and <c>SaveChanges</c> stay silent.
/// </summary>
internal sealed class EntitySinks
{
    private readonly KnownTypes _known;
    private readonly Markings _markings;

    public EntitySinks(PersonalDataFlow flow)
    {
        _known = flow.KnownTypes;
        _markings = flow.Markings;
    }

    public bool IsReferenced => _known.DbContext is not null && _known.DbSet is not null;

    /// <summary>The entities a context exposes through its DbSet properties, each with the property that maps it.</summary>
    public IEnumerable<(INamedTypeSymbol Entity, ISymbol Mapping)> EntitiesOf(INamedTypeSymbol context)
    {
        if (!context.InheritsFromOrEquals(_known.DbContext))
        {
            yield break;
        }

        foreach (var member in context.GetMembers())
        {
            if (member is IPropertySymbol { Type: INamedTypeSymbol { TypeArguments.Length: 1 } set } && set.Is(_known.DbSet)
                && set.TypeArguments[0] is INamedTypeSymbol entity)
            {
                yield return (entity, member);
            }
        }
    }

    /// <summary>The entity a <c>modelBuilder.Entity&lt;T&gt;()</c> call maps, unless a DbSet of its context already does.</summary>
    public INamedTypeSymbol? EntityMappedBy(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "Entity" || !method.ContainingType.Is(_known.ModelBuilder) || method.TypeArguments.Length != 1
            || method.TypeArguments[0] is not INamedTypeSymbol entity)
        {
            return null;
        }

        var context = invocation.SemanticModel?.GetEnclosingSymbol(invocation.Syntax.SpanStart)?.ContainingType;
        foreach (var (exposed, _) in context is null ? Array.Empty<(INamedTypeSymbol, ISymbol)>() : EntitiesOf(context))
        {
            if (SymbolEqualityComparer.Default.Equals(exposed, entity))
            {
                return null;
            }
        }

        return entity;
    }

    /// <summary>The personal members of an entity, each with whether the storage layer encrypts it at rest.</summary>
    public IEnumerable<(ISymbol Member, PiiCategorySet Categories, bool Encrypted)> PersonalMembers(INamedTypeSymbol entity)
    {
        foreach (var member in entity.GetMembers())
        {
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsStatic || member.IsImplicitlyDeclared)
            {
                continue;
            }

            var categories = _markings.Marked(member);
            if (!categories.IsEmpty)
            {
                yield return (member, categories, IsEncrypted(member));
            }
        }
    }

    private bool IsEncrypted(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass.Is(_known.EncryptedAttribute) || attribute.AttributeClass.InheritsFromOrEquals(_known.ProtectedPersonalDataAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
