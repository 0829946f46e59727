using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII001: personal data reaches a third-party processor not permitted to receive one or more of its categories.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessorNotPermittedAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ProcessorNotPermitted);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow) =>
        AnalyzeBodies(context, flow, (call, analysis, block) =>
            flow.ProcessorSinks.Observe(call, analysis, (value, data, processor) =>
            {
                var refused = data.Categories.Except(processor.Permitted ?? PiiCategorySet.Empty);
                if (!refused.IsEmpty)
                {
                    Report(block, Descriptors.ProcessorNotPermitted, value, data, data.SourcesText, processor.Name, refused.ToString(), data.PathSuffix);
                }
            }));
}
