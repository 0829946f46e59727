using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII004: personal data is put into an exception's message.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInExceptionAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataInException);

    // Its findings lie in the bodies it analyses.
    internal override bool ReportsOnlyInAnalysedCode => true;

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow) =>
        AnalyzeBodies(context, flow, SinkKind.Exception, (finding, findings) =>
            Report(findings, Descriptors.PersonalDataInException, finding, finding.Data.SourcesText, finding.Data.HasSeveralSources ? "are" : "is", finding.Target.Name, finding.Data.PathSuffix));
}
