using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII002: personal data reaches a log or telemetry sink.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PersonalDataInLogAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PersonalDataInLog);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        if (LogSinks.Create(flow.KnownTypes) is not { } sinks)
        {
            return;
        }

        context.RegisterOperationAction(c => AnalyzeInvocation(c, flow, sinks), OperationKind.Invocation);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, PersonalDataFlow flow, LogSinks sinks)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!sinks.IsSink(invocation.TargetMethod, out var sinkName))
        {
            return;
        }

        foreach (var value in LogSinks.LoggedValues(invocation))
        {
            if (flow.Trace(value, context.CancellationToken) is { } finding)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.PersonalDataInLog,
                    value.Syntax.GetLocation(),
                    finding.AdditionalLocations,
                    finding.Source.ToString(),
                    sinkName,
                    finding.PathSuffix));
            }
        }
    }
}
