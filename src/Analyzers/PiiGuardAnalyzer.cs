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
}
