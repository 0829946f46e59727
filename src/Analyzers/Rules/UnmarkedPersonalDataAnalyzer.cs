using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Inference;

namespace PiiGuard.Analyzers.Rules;

/// <summary>PII100: a property or field is named like personal data but carries no marking.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnmarkedPersonalDataAnalyzer : PiiGuardAnalyzer
{
    /// <summary>The diagnostic property naming the inferred <c>PiiCategory</c> member, for the code fix.</summary>
    public const string CategoryProperty = "Category";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnmarkedPersonalData);

    // It reports on the member it is called back on (the driver skips members declared in hidden lines).
    internal override bool ReportsOnlyInAnalysedCode => true;

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow) =>
        context.RegisterSymbolAction(
            symbol =>
            {
                var member = symbol.Symbol;
                if (member.IsOverride
                    || member.Locations.IsEmpty
                    || !member.Locations[0].IsInSource
                    || !flow.Markings.Declared(member).IsEmpty
                    || flow.Markings.IsNotPii(member)
                    || flow.Markings.Names.Infer(member) is not { } term
                    || !flow.Markings.Declared(member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type).IsEmpty)
                {
                    return;
                }

                symbol.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnmarkedPersonalData,
                    member.Locations[0],
                    ImmutableDictionary<string, string?>.Empty.Add(CategoryProperty, term.Category),
                    $"{member.ContainingType.Name}.{member.Name}",
                    term.Category));
            },
            SymbolKind.Property,
            SymbolKind.Field);
}
