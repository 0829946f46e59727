using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers;

/// <summary>
/// The base of every PiiGuard rule: it seals the set-up every rule needs (concurrency, no generated
/// code, one shared engine per compilation) so a rule only says which sinks it watches.
/// </summary>
public abstract class PiiGuardAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        // Generated code is never analysed. A rule that reports only inside the code it is called back on also
        // spares each of its diagnostics the driver's check for generated code: that check reads every token of the
        // diagnostic's file once (for a [GeneratedCode] anywhere in it), a tenth of PiiGuard's time in a build.
        context.ConfigureGeneratedCodeAnalysis(ReportsOnlyInAnalysedCode ? GeneratedCodeAnalysisFlags.ReportDiagnostics : GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var engine = PersonalDataFlow.For(start.Compilation, start.Options);
            if (engine is not null)
            {
                OnCompilationStart(start, engine);
            }
        });
    }

    /// <summary>
    /// Whether every diagnostic of the rule lies in the body or the declaration the driver called it back on (a body held
    /// until its tree completes is one the driver gave), and none in the hidden lines of a body (<see cref="IsHidden"/>):
    /// the driver skips generated code before calling back, so it need not check each diagnostic again. A rule that
    /// reports anywhere else keeps the driver's check.
    /// </summary>
    internal virtual bool ReportsOnlyInAnalysedCode => false;

    /// <summary>Registers the rule's actions; called only for compilations that can mark personal data.</summary>
    internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow);

    /// <summary>
    /// Shows <paramref name="report"/> each value of every body that reaches a sink of <paramref name="kind"/>, once the
    /// body's tree is complete (<see cref="TreeBodies"/>): by then the compiler has bound every callee the engine reads.
    /// </summary>
    internal static void AnalyzeBodies(
        CompilationStartAnalysisContext context, PersonalDataFlow flow, SinkKind kind, Action<SinkFinding, FindingContext> report)
    {
        var held = new TreeBodies();
        context.RegisterOperationBlockAction(block =>
        {
            if (IsAccessorOfGeneratedMember(block.OwningSymbol) || block.OperationBlocks.IsEmpty)
            {
                return;
            }

            // The driver's own model of the tree, with the compiler's binding: the engine reads callees here, even once
            // the driver has dropped it.
            var first = block.OperationBlocks[0];
            if (first.SemanticModel is { } model)
            {
                flow.Remember(model);
            }

            if (!held.TryHold(first.Syntax.SyntaxTree, block.OperationBlocks, block.OwningSymbol))
            {
                // Given after its tree completed: analysed now.
                var found = new List<SinkFinding>();
                Collect(flow, kind, block.OperationBlocks, block.OwningSymbol, found, block.CancellationToken);
                ReportAll(found, new FindingContext(block.Options, first.Syntax.SyntaxTree, block.ReportDiagnostic), report);
            }
        });

        context.RegisterSemanticModelAction(model =>
        {
            // Every held body's findings first, reported only once all are known: a cancelled action reports nothing
            // and holds its bodies again, for the driver to give the tree's action once more.
            var tree = model.SemanticModel.SyntaxTree;
            var bodies = held.Complete(tree);
            var found = new List<SinkFinding>();
            try
            {
                foreach (var (blocks, owner) in bodies)
                {
                    Collect(flow, kind, blocks, owner, found, model.CancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                held.HoldAgain(tree, bodies);
                throw;
            }

            ReportAll(found, new FindingContext(model.Options, tree, model.ReportDiagnostic), report);
        });
    }

    private static void ReportAll(List<SinkFinding> found, FindingContext context, Action<SinkFinding, FindingContext> report)
    {
        foreach (var finding in found)
        {
            report(finding, context);
        }
    }

    private static void Collect(PersonalDataFlow flow, SinkKind kind, ImmutableArray<IOperation> blocks, ISymbol owner, List<SinkFinding> found, CancellationToken cancellationToken)
    {
        foreach (var (_, top) in BodyRoots.Of(blocks))
        {
            foreach (var finding in flow.BodyFindings.Of(top, owner, cancellationToken))
            {
                if (finding.Kind == kind && !IsHidden(finding.Location))
                {
                    found.Add(finding);
                }
            }
        }
    }

    // The driver skips [GeneratedCode] symbols before calling back, but an accessor's attribute is on its property or
    // event, which the driver looks for around each diagnostic only: the rules reporting in analysed code look here.
    private static bool IsAccessorOfGeneratedMember(ISymbol owner)
    {
        if (owner is not IMethodSymbol { AssociatedSymbol: { } member })
        {
            return false;
        }

        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is
                {
                    Name: "GeneratedCodeAttribute",
                    ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
                })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a location is in lines a <c>#line hidden</c> hides (with any <c>#line</c> in a file, the lines before
    /// the first one too), which the driver counts as generated code.
    /// </summary>
    internal static bool IsHidden(Location location) =>
        location.SourceTree is { } tree
        && tree.HasHiddenRegions()
        && tree.GetLineVisibility(location.SourceSpan.Start) is LineVisibility.Hidden or LineVisibility.BeforeFirstLineDirective;

    /// <summary>Reports <paramref name="descriptor"/> on a finding, with its sources as additional locations.</summary>
    internal static void Report(FindingContext context, DiagnosticDescriptor descriptor, SinkFinding finding, params object[] messageArguments) =>
        Report(context, descriptor, finding, properties: null, messageArguments);

    /// <summary>As <see cref="Report(FindingContext, DiagnosticDescriptor, SinkFinding, object[])"/>, with properties for the code fixes.</summary>
    internal static void Report(
        FindingContext context, DiagnosticDescriptor descriptor, SinkFinding finding, ImmutableDictionary<string, string?>? properties, params object[] messageArguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, finding.Location, finding.Data.AdditionalLocations, properties, messageArguments));
}
