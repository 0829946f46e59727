using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers;

/// <summary>
/// The base of every PiiGuard rule: it seals the set-up every rule needs (concurrency, no generated
/// code, one shared engine per compilation) so a rule only says which sinks it watches.
/// </summary>
public abstract class PiiGuardAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var engine = PersonalDataFlow.For(start.Compilation, start.Options);
            if (engine is not null)
            {
                OnCompilationStart(start, engine);
            }
        });
    }

    /// <summary>Registers the rule's actions; called only for compilations that can mark personal data.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow);

    /// <summary>Shows <paramref name="report"/> each value of every body that reaches a sink of <paramref name="kind"/>.</summary>
    internal static void AnalyzeBodies(
        CompilationStartAnalysisContext context, PersonalDataFlow flow, SinkKind kind, Action<SinkFinding, OperationBlockAnalysisContext> report) =>
        context.RegisterOperationBlockAction(block =>
        {
            foreach (var (root, top) in BodyRoots.Of(block.OperationBlocks))
            {
                foreach (var finding in flow.BodyFindings.Of(top, root, block, block.CancellationToken))
                {
                    if (finding.Kind == kind)
                    {
                        report(finding, block);
                    }
                }
            }
        });

    /// <summary>Reports <paramref name="descriptor"/> on a finding, with its sources as additional locations.</summary>
    internal static void Report(OperationBlockAnalysisContext context, DiagnosticDescriptor descriptor, SinkFinding finding, params object[] messageArguments) =>
        Report(context, descriptor, finding, properties: null, messageArguments);

    /// <summary>As <see cref="Report(OperationBlockAnalysisContext, DiagnosticDescriptor, SinkFinding, object[])"/>, with properties for the code fixes.</summary>
    internal static void Report(
        OperationBlockAnalysisContext context, DiagnosticDescriptor descriptor, SinkFinding finding, ImmutableDictionary<string, string?>? properties, params object[] messageArguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, finding.Location, finding.Data.AdditionalLocations, properties, messageArguments));
}
