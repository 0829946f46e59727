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
    /// <summary>The diagnostic property naming the processor, for the code fixes.</summary>
    public const string ProcessorProperty = "Processor";

    /// <summary>The diagnostic property listing the categories the processor may not receive ("Email, DateOfBirth").</summary>
    public const string RefusedProperty = "Refused";

    /// <summary>The diagnostic property listing the categories the processor may receive.</summary>
    public const string PermittedProperty = "Permitted";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.ProcessorNotPermitted);

    // Its findings lie in the bodies it analyses.
    internal override bool ReportsOnlyInAnalysedCode => true;

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow) =>
        AnalyzeBodies(context, flow, SinkKind.Processor, (finding, findings) =>
        {
            var permitted = finding.Target.Permitted ?? PiiCategorySet.Empty;
            var refused = finding.Data.Categories.Except(permitted);
            if (!refused.IsEmpty)
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(ProcessorProperty, finding.Target.Name)
                    .Add(RefusedProperty, refused.ToString())
                    .Add(PermittedProperty, permitted.ToString());
                Report(findings, Descriptors.ProcessorNotPermitted, finding, properties, finding.Data.SourcesText, finding.Data.HasSeveralSources ? "reach" : "reaches", finding.Target.Name, refused.ToString(), finding.Data.PathSuffix);
            }
        });
}
