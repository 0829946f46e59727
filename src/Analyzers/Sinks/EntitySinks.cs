using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
    private readonly PersonalDataFlow _flow;
    private readonly KnownTypes _known;
    private readonly Markings _markings;
    private List<EntityMapping>? _mappings;
    private Dictionary<INamedTypeSymbol, EntityMapping>? _firstMappings;

    public EntitySinks(PersonalDataFlow flow)
    {
        _flow = flow;
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

    /// <summary>
    /// Every mapping of an entity by a context of this compilation, in declaration order: each DbSet property, and
    /// each <c>modelBuilder.Entity&lt;T&gt;()</c> call for an entity no DbSet of its context exposes. Found once
    /// per compilation (symbols, and only the syntax of contexts), so that a finding can be reported with the
    /// entity itself: in the IDE it then shows while the entity's own file is edited.
    /// </summary>
    public IReadOnlyList<EntityMapping> Mappings(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _mappings, () => FindMappings(cancellationToken))!;

    /// <summary>The first mapping of an entity declared in this compilation; null for a type no context maps.</summary>
    /// <remarks>Asked for every type of the compilation, so looked up, not searched.</remarks>
    public EntityMapping? MappingOf(INamedTypeSymbol entity, CancellationToken cancellationToken)
    {
        var first = LazyInitializer.EnsureInitialized(ref _firstMappings, () =>
        {
            var byEntity = new Dictionary<INamedTypeSymbol, EntityMapping>(SymbolEqualityComparer.Default);
            foreach (var mapping in Mappings(cancellationToken))
            {
                if (!byEntity.ContainsKey(mapping.Entity))
                {
                    byEntity.Add(mapping.Entity, mapping);
                }
            }

            return byEntity;
        })!;
        return first.TryGetValue(entity.OriginalDefinition, out var found) ? found : null;
    }

    /// <summary>
    /// Whether the symbol is declared in the compilation under analysis. A referenced project's types have source
    /// too (in the IDE a project reference is a compilation reference), but their syntax is not this compilation's.
    /// </summary>
    public bool IsOwn(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _flow.Compilation.Assembly);

    private List<EntityMapping> FindMappings(CancellationToken cancellationToken)
    {
        var mappings = new List<EntityMapping>();
        foreach (var context in SourceTypes(_flow.Compilation.Assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!context.InheritsFromOrEquals(_known.DbContext))
            {
                continue;
            }

            foreach (var (entity, property) in EntitiesOf(context))
            {
                mappings.Add(new EntityMapping(entity.OriginalDefinition, property.Locations[0], DbSetSink(entity, context, property)));
            }

            foreach (var reference in context.DeclaringSyntaxReferences)
            {
                foreach (var call in reference.GetSyntax(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    // A cheap syntactic filter first: only `….Entity<T>()` calls are bound.
                    if (call.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Entity" } }
                        && _flow.SemanticModel(call.SyntaxTree).GetOperation(call, cancellationToken) is IInvocationOperation invocation
                        && EntityMappedBy(invocation) is { } entity)
                    {
                        mappings.Add(new EntityMapping(entity.OriginalDefinition, call.GetLocation(), ModelBuilderSink(entity)));
                    }
                }
            }
        }

        return mappings;
    }

    /// <summary>The sink's name in a message: the context's DbSet property that maps the entity.</summary>
    public static string DbSetSink(INamedTypeSymbol entity, INamedTypeSymbol context, ISymbol mapping) =>
        $"EF Core entity {entity.Name} of {context.Name}.{mapping.Name}";

    /// <summary>The sink's name in a message: the <c>modelBuilder.Entity&lt;T&gt;()</c> call that maps the entity.</summary>
    public static string ModelBuilderSink(INamedTypeSymbol entity) =>
        $"EF Core entity {entity.Name} mapped by ModelBuilder.Entity<{entity.Name}>()";

    private static IEnumerable<INamedTypeSymbol> SourceTypes(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (var inner in SourceTypes(nested))
                {
                    yield return inner;
                }
            }
        }
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
