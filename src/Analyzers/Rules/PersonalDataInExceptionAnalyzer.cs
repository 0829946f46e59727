using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII004: personal data is put into an exception's message.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInExceptionAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataInException);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow) =>
        AnalyzeBodies(context, flow, (call, analysis, block) =>
            flow.ExceptionSinks.Observe(call, analysis, (value, data, exception) =>
                Report(block, Descriptors.PersonalDataInException, value, data, data.SourcesText, exception.Name, data.PathSuffix)));
}
