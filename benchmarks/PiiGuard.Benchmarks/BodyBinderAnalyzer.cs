using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// Binds every member body and initializer when the analysis starts, through the semantic models of the compilation
/// the driver analyses (a copy of the one it is given, with a model cache of its own, which only an analyzer sees):
/// the analyzers run with it then find every body bound, so their execution time is their own work, none of the
/// binding they would otherwise do before the compiler (<c>--profile ... --bind-first</c>). The compiler then binds every
/// body again (it shares its own binding only with a model that has none for the body), so such a run binds twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BodyBinderAnalyzer() : SilentAnalyzer("BENCH001")
{
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            foreach (var tree in start.Compilation.SyntaxTrees)
            {
                var model = start.Compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot(start.CancellationToken).DescendantNodes())
                {
                    if (Bound(node) is { } bound)
                    {
                        _ = model.GetOperation(bound, start.CancellationToken);
                    }
                }
            }
        });
    }

    // What the driver asks operations of: a method's or accessor's declaration (its body with a constructor's
    // initializer), an expression-bodied property or indexer, a field's or property's initializer.
    private static SyntaxNode? Bound(SyntaxNode node) => node switch
    {
        BaseMethodDeclarationSyntax { Body: not null } or BaseMethodDeclarationSyntax { ExpressionBody: not null } => node,
        AccessorDeclarationSyntax { Body: not null } or AccessorDeclarationSyntax { ExpressionBody: not null } => node,
        PropertyDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
        IndexerDeclarationSyntax { ExpressionBody: { } arrow } => arrow,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax } initializer => initializer,
        _ => null,
    };
}
