using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII002: personal data reaches a log or telemetry sink.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInLogAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataInLog);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        if (flow.LogSinks is not { } sinks)
        {
            return;
        }

        context.RegisterOperationBlockAction(block =>
        {
            foreach (var root in BodyRoots.Of(block.OperationBlocks))
            {
                BodyAnalysis.Run(
                    flow,
                    block.GetControlFlowGraph(root),
                    FlowState.Empty,
                    (call, analysis) => sinks.Observe(call, analysis, (value, data, sink) =>
                    {
                        if (data.HasPlaceholders || data.Sources.IsEmpty)
                        {
                            return;
                        }

                        block.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.PersonalDataInLog,
                            value.Syntax.GetLocation(),
                            data.AdditionalLocations,
                            data.SourcesText,
                            sink,
                            data.PathSuffix));
                    }),
                    nesting: 0,
                    block.CancellationToken);
            }
        });
    }
}
