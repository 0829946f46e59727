using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using PiiGuard.Analyzers;
using PiiGuard.CodeFixes.Editing;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>PII004: mask or pseudonymise the value put into the exception's message.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataInExceptionCodeFixProvider))]
public sealed class PersonalDataInExceptionCodeFixProvider : DocumentFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PersonalDataInException);

    private protected override ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Redaction.ValueAt(root, diagnostic.Location.SourceSpan) is { } value && !Redaction.Targets(model, value, diagnostic, cancellationToken).IsEmpty
            ? ImmutableArray.Create((Redaction.MaskTitle, Redaction.MaskKey), (Redaction.PseudonymizeTitle, Redaction.PseudonymizeKey))
            : ImmutableArray<(string, string)>.Empty;

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (Redaction.ValueAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is { } value)
        {
            foreach (var target in Redaction.Targets(editor.SemanticModel, value, diagnostic, cancellationToken))
            {
                Redaction.Wrap(editor, target, key);
            }
        }
    }
}
