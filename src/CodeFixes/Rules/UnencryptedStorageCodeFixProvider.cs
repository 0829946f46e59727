using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Rules;
using PiiGuard.CodeFixes.Editing;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>PII003: mark the entity member <c>[Encrypted]</c>, or pseudonymise the value written to a file or cache.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnencryptedStorageCodeFixProvider))]
public sealed class UnencryptedStorageCodeFixProvider : DocumentFixProvider
{
    internal const string EncryptedKey = "PiiGuard.MarkEncrypted";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnencryptedStorage);

    private protected override ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Only on the entity member itself: an entity declared elsewhere is reported on its DbSet, which [Encrypted] would not fix.
        if (diagnostic.Properties.ContainsKey(UnencryptedEntityAnalyzer.OnEntityMemberProperty))
        {
            return MemberAttributes.DeclarationAt(root, diagnostic.Location.SourceSpan) is null
                ? ImmutableArray<(string, string)>.Empty
                : ImmutableArray.Create(("Mark the member [Encrypted] (encrypt it at rest, e.g. with a value converter)", EncryptedKey));
        }

        return Redaction.ValueAt(root, diagnostic.Location.SourceSpan) is { } value && !Redaction.Targets(model, value, diagnostic, cancellationToken).IsEmpty
            ? ImmutableArray.Create((Redaction.PseudonymizeTitle, Redaction.PseudonymizeKey))
            : ImmutableArray<(string, string)>.Empty;
    }

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (key == EncryptedKey)
        {
            if (MemberAttributes.DeclarationAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is { } declaration)
            {
                MemberAttributes.Add(editor, declaration, MemberAttributes.Attribute("Encrypted"));
            }
        }
        else if (Redaction.ValueAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is { } value)
        {
            foreach (var target in Redaction.Targets(editor.SemanticModel, value, diagnostic, cancellationToken))
            {
                Redaction.Wrap(editor, target, key);
            }
        }
    }
}
