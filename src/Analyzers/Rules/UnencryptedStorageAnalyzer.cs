using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII003: personal data reaches storage that is not encrypted.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnencryptedStorageAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnencryptedStorage);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        AnalyzeBodies(context, flow, (call, analysis, block) =>
            flow.StorageSinks.Observe(call, analysis, (value, data, sink) =>
                Report(block, Descriptors.UnencryptedStorage, value, data, data.SourcesText, sink.Name, data.PathSuffix)));
    }
}
