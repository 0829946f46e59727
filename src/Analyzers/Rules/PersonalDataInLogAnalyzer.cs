using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII002: personal data reaches a log or telemetry sink.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInLogAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataInLog);

    // Its findings lie in the bodies it analyses.
    internal override bool ReportsOnlyInAnalysedCode => true;

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        AnalyzeBodies(context, flow, SinkKind.Log, (finding, findings) =>
            Report(findings, Descriptors.PersonalDataInLog, finding, finding.Data.SourcesText, finding.Data.HasSeveralSources ? "reach" : "reaches", finding.Target.Name, finding.Data.PathSuffix));
    }
}
