using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;

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
            var engine = PersonalDataFlow.For(start.Compilation);
            if (engine is not null)
            {
                OnCompilationStart(start, engine);
            }
        });
    }

    /// <summary>Registers the rule's actions; called only for compilations that can mark personal data.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow);

    /// <summary>Follows the data through every body and shows each call, with the data at that point, to <paramref name="observe"/>.</summary>
    internal static void AnalyzeBodies(
        CompilationStartAnalysisContext context, PersonalDataFlow flow, Action<IOperation, BodyAnalysis, OperationBlockAnalysisContext> observe) =>
        context.RegisterOperationBlockAction(block =>
        {
            foreach (var root in BodyRoots.Of(block.OperationBlocks))
            {
                BodyAnalysis.Run(
                    flow,
                    block.GetControlFlowGraph(root),
                    FlowState.Empty,
                    (call, analysis) => observe(call, analysis, block),
                    nesting: 0,
                    block.CancellationToken);
            }
        });

    /// <summary>Reports <paramref name="descriptor"/> on a value holding <paramref name="data"/>, unless the data is a summary's placeholder.</summary>
    internal static void Report(
        OperationBlockAnalysisContext context, DiagnosticDescriptor descriptor, IOperation value, PersonalData data, params object[] messageArguments)
    {
        if (data.HasPlaceholders || data.Sources.IsEmpty)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(descriptor, value.Syntax.GetLocation(), data.AdditionalLocations, messageArguments));
    }
}
