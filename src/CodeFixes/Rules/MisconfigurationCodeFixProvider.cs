using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Rules;
using PiiGuard.CodeFixes.Editing;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>
/// PII101: an assembly-level declaration naming a method that does not exist is pointed at the method it most
/// likely means, by <c>nameof</c>, so a later rename keeps it right.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MisconfigurationCodeFixProvider))]
public sealed class MisconfigurationCodeFixProvider : DocumentFixProvider
{
    internal const string UseMethodKey = "PiiGuard.UseExistingMethod";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.Misconfiguration);

    private protected override ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Target(root, diagnostic) is var (type, _) && diagnostic.Properties.TryGetValue(MisconfigurationAnalyzer.SuggestionProperty, out var method)
            ? ImmutableArray.Create(($"Use nameof({type.Type.WithoutTrivia()}.{method})", UseMethodKey))
            : ImmutableArray<(string, string)>.Empty;

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (Target(editor.OriginalRoot, diagnostic) is var (type, name)
            && diagnostic.Properties.TryGetValue(MisconfigurationAnalyzer.SuggestionProperty, out var method) && method is not null)
        {
            var nameOf = SyntaxFactory.ParseExpression($"nameof({type.Type.WithoutTrivia()}.{method})");
            editor.ReplaceNode(name.Expression, nameOf.WithTriviaFrom(name.Expression));
        }
    }

    // The typeof(Type) and method-name arguments of [assembly: Redacts/LogSink/StorageSink(typeof(Type), "Method")].
    private static (TypeOfExpressionSyntax Type, AttributeArgumentSyntax Name)? Target(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Location.IsInSource
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is AttributeSyntax { ArgumentList.Arguments: { Count: 2 } arguments }
        && arguments[0].Expression is TypeOfExpressionSyntax type
            ? (type, arguments[1])
            : null;
}
