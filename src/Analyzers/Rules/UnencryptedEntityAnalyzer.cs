using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Options;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Rules;

/// <summary>
/// PII003 on entities: a personal member of an EF Core entity is stored in the database unencrypted.
/// </summary>
/// <remarks>
/// Its own analyzer, apart from the flows of <see cref="UnencryptedStorageAnalyzer"/>: it reports on members and
/// mappings wherever they are declared, so it keeps the driver's check for generated code on each diagnostic.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnencryptedEntityAnalyzer : PiiGuardAnalyzer
{
    /// <summary>The property that tells the code fix a finding is on the entity member's own declaration.</summary>
    internal const string OnEntityMemberProperty = "EntityMember";

    private static readonly ImmutableDictionary<string, string?> s_onEntityMember =
        ImmutableDictionary<string, string?>.Empty.Add(OnEntityMemberProperty, "true");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnencryptedStorage);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        var entities = new EntitySinks(flow);
        if (!entities.IsReferenced)
        {
            return;
        }

        context.RegisterSymbolAction(
            symbol =>
            {
                var type = (INamedTypeSymbol)symbol.Symbol;

                // An entity of this compilation is reported with itself, on its members, wherever its context is.
                if (entities.MappingOf(type, symbol.CancellationToken) is { } mapping)
                {
                    ReportEntity(symbol.ReportDiagnostic, symbol.Options, entities, type, mapping.Location, mapping.Sink);
                }

                // An entity from another assembly or project has no member here to report on: its DbSet property is the place.
                foreach (var (entity, property) in entities.EntitiesOf(type))
                {
                    if (!entities.IsOwn(entity))
                    {
                        ReportEntity(symbol.ReportDiagnostic, symbol.Options, entities, entity, property.Locations[0], EntitySinks.DbSetSink(entity, type, property));
                    }
                }
            },
            SymbolKind.NamedType);

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (entities.EntityMappedBy(invocation) is { } entity && !entities.IsOwn(entity))
                {
                    ReportEntity(operation.ReportDiagnostic, operation.Options, entities, entity, invocation.Syntax.GetLocation(), EntitySinks.ModelBuilderSink(entity));
                }
            },
            OperationKind.Invocation);
    }

    // On the member's declaration, where the [Encrypted] fix applies; on the mapping for an entity declared elsewhere.
    private static void ReportEntity(Action<Diagnostic> report, AnalyzerOptions options, EntitySinks entities, INamedTypeSymbol entity, Location mapping, string sink)
    {
        foreach (var (member, categories, encrypted) in entities.PersonalMembers(entity))
        {
            var declaration = entities.IsOwn(member) ? member.Locations.FirstOrDefault(l => l.IsInSource) : null;
            var location = declaration ?? mapping;

            // piiguard.storage.encrypt_categories, as it applies to the file the finding is in.
            if (encrypted || !categories.Overlaps(PiiGuardOptions.StorageCategories(PiiGuardOptions.For(options, location.SourceTree!))))
            {
                continue;
            }

            report(Diagnostic.Create(
                Descriptors.UnencryptedStorage,
                location,
                declaration is null ? ImmutableArray<Location>.Empty : ImmutableArray.Create(mapping),
                declaration is null ? null : s_onEntityMember,
                $"{entity.Name}.{member.Name} ({categories})",
                "reaches",
                sink,
                string.Empty));
        }
    }
}
