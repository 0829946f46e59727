using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
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
        MemberAttributes.DeclarationAt(root, diagnostic.Location.SourceSpan) is not null
        && diagnostic.Properties.TryGetValue(UnmarkedPersonalDataAnalyzer.CategoryProperty, out var category)
            ? ImmutableArray.Create(($"Mark as personal data: [Pii(PiiCategory.{category})]", MarkKey), ("Mark as not personal data: [NotPii]", NotPiiKey))
            : ImmutableArray<(string, string)>.Empty;

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (MemberAttributes.DeclarationAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is { } declaration
            && diagnostic.Properties.TryGetValue(UnmarkedPersonalDataAnalyzer.CategoryProperty, out var category))
        {
            MemberAttributes.Add(editor, declaration, key == MarkKey ? MemberAttributes.Attribute("Pii", "global::PiiGuard.PiiCategory." + category) : MemberAttributes.Attribute("NotPii"));
        }
    }
}
