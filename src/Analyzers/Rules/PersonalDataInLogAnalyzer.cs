using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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
        AnalyzeBodies(context, flow, (call, analysis, block) =>
            flow.LogSinks.Observe(call, analysis, (value, data, sink) =>
                Report(block, Descriptors.PersonalDataInLog, value, data, data.SourcesText, sink.Name, data.PathSuffix)));
    }
}
