using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using PiiGuard.Analyzers;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>PII002: mask the logged value with <c>PiiGuard.PiiMask.Mask</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataInLogCodeFixProvider))]
public sealed class PersonalDataInLogCodeFixProvider : CodeFixProvider
{
    internal const string MaskEquivalenceKey = "PiiGuard.MaskWithPiiMask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PersonalDataInLog);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mask the value with PiiMask.Mask",
                    cancellationToken => MaskAsync(context.Document, value, cancellationToken),
                    MaskEquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> MaskAsync(Document document, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // global::PiiGuard.PiiMask.Mask(value), simplified to PiiMask.Mask(value) with a using where one can be added.
        var mask = SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::PiiGuard.PiiMask.Mask")
                    .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(value.WithoutTrivia()))))
            .WithTriviaFrom(value);

        var masked = document.WithSyntaxRoot(root.ReplaceNode(value, mask));
        return await ImportAdder.AddImportsAsync(masked, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
