using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Rules;
using PiiGuard.CodeFixes.Editing;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>PII100: mark the member with the inferred category, or as not personal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnmarkedPersonalDataCodeFixProvider))]
public sealed class UnmarkedPersonalDataCodeFixProvider : DocumentFixProvider
{
    internal const string MarkKey = "PiiGuard.MarkPii";
    internal const string NotPiiKey = "PiiGuard.MarkNotPii";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnmarkedPersonalData);

    private protected override ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Member(root, diagnostic) is not null && diagnostic.Properties.TryGetValue(UnmarkedPersonalDataAnalyzer.CategoryProperty, out var category)
            ? ImmutableArray.Create(($"Mark as personal data: [Pii(PiiCategory.{category})]", MarkKey), ("Mark as not personal data: [NotPii]", NotPiiKey))
            : ImmutableArray<(string, string)>.Empty;

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (Member(editor.OriginalRoot, diagnostic) is not { } member
            || !diagnostic.Properties.TryGetValue(UnmarkedPersonalDataAnalyzer.CategoryProperty, out var category))
        {
            return;
        }

        var attribute = key == MarkKey
            ? SyntaxFactory.Attribute(
                Qualified("global::PiiGuard.Pii"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression("global::PiiGuard.PiiCategory." + category)
                        .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)))))
            : SyntaxFactory.Attribute(Qualified("global::PiiGuard.NotPii"));

        if (member is ParameterSyntax)
        {
            // A positional record's parameter: the attribute must reach the property the record declares from it.
            var list = SyntaxFactory.AttributeList(
                SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)),
                SyntaxFactory.SingletonSeparatedList(attribute));
            editor.ReplaceNode(member, (current, _) => ((ParameterSyntax)current).AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.Space)));
        }
        else
        {
            editor.AddAttribute(member, SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)));
        }
    }

    // The declaration to mark: a property, a field declaring only this variable, or a positional record parameter.
    private static SyntaxNode? Member(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            PropertyDeclarationSyntax property => property,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } parameter => parameter,
            _ => null,
        };

    private static NameSyntax Qualified(string name) =>
        SyntaxFactory.ParseName(name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
