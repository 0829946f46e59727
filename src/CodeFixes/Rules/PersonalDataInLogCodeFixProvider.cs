using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PiiGuard.Analyzers;
using PiiGuard.CodeFixes.Editing;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>PII002: mask or pseudonymise the logged value, or take it out of the log call with its placeholder.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataInLogCodeFixProvider))]
public sealed class PersonalDataInLogCodeFixProvider : DocumentFixProvider
{
    internal const string RemoveKey = "PiiGuard.RemoveFromLog";

    // The arguments each fix-all pass removes, per call: one rewrite of the call removes them all at the end.
    private static readonly ConditionalWeakTable<DocumentEditor, Dictionary<InvocationExpressionSyntax, HashSet<int>>> s_removals = new();

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PersonalDataInLog);

    private protected override ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Redaction.ValueAt(root, diagnostic.Location.SourceSpan) is not { } value)
        {
            return ImmutableArray<(string, string)>.Empty;
        }

        var offers = ImmutableArray.CreateBuilder<(string, string)>();
        if (!Redaction.Targets(model, value, diagnostic, cancellationToken).IsEmpty)
        {
            offers.Add((Redaction.MaskTitle, Redaction.MaskKey));
            offers.Add((Redaction.PseudonymizeTitle, Redaction.PseudonymizeKey));
        }

        if (LogTemplate.Find(model, value, cancellationToken) is not null)
        {
            offers.Add(("Remove the value and its placeholder from the log call", RemoveKey));
        }

        return offers.ToImmutable();
    }

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (Redaction.ValueAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is not { } value)
        {
            return;
        }

        if (key != RemoveKey)
        {
            foreach (var target in Redaction.Targets(editor.SemanticModel, value, diagnostic, cancellationToken))
            {
                Redaction.Wrap(editor, target, key);
            }

            return;
        }

        if (LogTemplate.Find(editor.SemanticModel, value, cancellationToken) is not var (call, templateIndex, position))
        {
            return;
        }

        var removals = s_removals.GetOrCreateValue(editor);
        if (!removals.TryGetValue(call, out var positions))
        {
            positions = new HashSet<int>();
            removals.Add(call, positions);

            // Run when the editor builds the document, after every diagnostic of the pass has added its position.
            editor.ReplaceNode(call, (current, _) => LogTemplate.Remove((InvocationExpressionSyntax)current, templateIndex, positions));
        }

        positions.Add(position);
    }
}
