using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII001: personal data reaches a third-party processor not permitted to receive one or more of its categories.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProcessorNotPermittedAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ProcessorNotPermitted);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow) =>
        AnalyzeBodies(context, flow, SinkKind.Processor, (finding, block) =>
        {
            var refused = finding.Data.Categories.Except(finding.Target.Permitted ?? PiiCategorySet.Empty);
            if (!refused.IsEmpty)
            {
                Report(block, Descriptors.ProcessorNotPermitted, finding, finding.Data.SourcesText, finding.Target.Name, refused.ToString(), finding.Data.PathSuffix);
            }
        });
}
