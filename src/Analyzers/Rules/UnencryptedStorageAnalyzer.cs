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

/// <summary>PII003: personal data reaches storage that is not encrypted.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnencryptedStorageAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnencryptedStorage);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        AnalyzeBodies(context, flow, SinkKind.Storage, (finding, block) =>
        {
            // piiguard.storage.encrypt_categories narrows what storage must encrypt.
            if (!finding.Target.Encrypted && finding.Data.Categories.Overlaps(PiiGuardOptions.StorageCategories(PiiGuardOptions.For(block.Options, block.FilterTree))))
            {
                Report(block, Descriptors.UnencryptedStorage, finding, finding.Data.SourcesText, finding.Data.HasSeveralSources ? "reach" : "reaches", finding.Target.Name, finding.Data.PathSuffix);
            }
        });

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
                if (entities.MappingOf(type, symbol.CancellationToken) is { } source)
                {
                    var required = PiiGuardOptions.StorageCategories(PiiGuardOptions.For(symbol.Options, type.Locations[0].SourceTree!));
                    ReportEntity(symbol.ReportDiagnostic, entities, type, source.Mapping, source.Sink, required);
                }

                // An entity from another assembly has no member to report on here: its DbSet property is the place.
                foreach (var (entity, mapping) in entities.EntitiesOf(type))
                {
                    if (!entity.Locations.Any(l => l.IsInSource))
                    {
                        var required = PiiGuardOptions.StorageCategories(PiiGuardOptions.For(symbol.Options, mapping.Locations[0].SourceTree!));
                        ReportEntity(symbol.ReportDiagnostic, entities, entity, mapping.Locations[0], EntitySinks.DbSetSink(entity, type, mapping), required);
                    }
                }
            },
            SymbolKind.NamedType);

        context.RegisterOperationAction(
            operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (entities.EntityMappedBy(invocation) is { } entity && !entity.Locations.Any(l => l.IsInSource))
                {
                    var required = PiiGuardOptions.StorageCategories(PiiGuardOptions.For(operation.Options, invocation.Syntax.SyntaxTree));
                    ReportEntity(operation.ReportDiagnostic, entities, entity, invocation.Syntax.GetLocation(), EntitySinks.ModelBuilderSink(entity), required);
                }
            },
            OperationKind.Invocation);
    }

    // The finding is on the member's declaration (or on the mapping, for an entity from another assembly).
    private static void ReportEntity(Action<Diagnostic> report, EntitySinks entities, INamedTypeSymbol entity, Location mapping, string sink, PiiCategorySet required)
    {
        foreach (var (member, categories, encrypted) in entities.PersonalMembers(entity))
        {
            if (encrypted || !categories.Overlaps(required))
            {
                continue;
            }

            var declaration = member.Locations.FirstOrDefault(l => l.IsInSource);
            report(Diagnostic.Create(
                Descriptors.UnencryptedStorage,
                declaration ?? mapping,
                declaration is null ? ImmutableArray<Location>.Empty : ImmutableArray.Create(mapping),
                $"{entity.Name}.{member.Name} ({categories})",
                "reaches",
                sink,
                string.Empty));
        }
    }
}
