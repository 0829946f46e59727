using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Options;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII003: personal data reaches storage that is not encrypted (a file, a cache, a database call); entities are <see cref="UnencryptedEntityAnalyzer"/>'s.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnencryptedStorageAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnencryptedStorage);

    // Its findings lie in the bodies it analyses (entities are UnencryptedEntityAnalyzer's).
    internal override bool ReportsOnlyInAnalysedCode => true;

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        AnalyzeBodies(context, flow, SinkKind.Storage, (finding, findings) =>
        {
            // piiguard.storage.encrypt_categories narrows what storage must encrypt.
            if (!finding.Target.Encrypted && finding.Data.Categories.Overlaps(PiiGuardOptions.StorageCategories(PiiGuardOptions.For(findings.Options, findings.Tree))))
            {
                Report(findings, Descriptors.UnencryptedStorage, finding, finding.Data.SourcesText, finding.Data.HasSeveralSources ? "reach" : "reaches", finding.Target.Name, finding.Data.PathSuffix);
            }
        });
    }
}
