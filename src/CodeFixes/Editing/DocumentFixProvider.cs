using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace PiiGuard.CodeFixes.Editing;

/// <summary>
/// A fixer whose actions edit the document of the diagnostic. Fix-all hands each document's diagnostics to one
/// <see cref="Fix"/> pass over one editor, so several fixes in one statement (two arguments of one log call, two
/// members of one class) compose instead of conflicting as text merges would. A fix that edits a declaration
/// elsewhere in the solution (<see cref="IsSolutionWide"/>) gets every diagnostic of the fix-all scope at once.
/// </summary>
public abstract class DocumentFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => new FixAll(this);

    /// <summary>Whether the fix named <paramref name="key"/> edits the solution rather than the diagnostic's document.</summary>
    private protected virtual bool IsSolutionWide(string key) => false;

    /// <summary>Applies a solution-wide fix to all of <paramref name="diagnostics"/>.</summary>
    private protected virtual Task<Solution> FixSolutionAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken) =>
        Task.FromResult(solution);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var (title, key) in Offers(root, model, diagnostic, context.CancellationToken))
            {
                var action = IsSolutionWide(key)
                    ? CodeAction.Create(title, cancellationToken => FixSolutionAsync(context.Document.Project.Solution, ImmutableArray.Create(diagnostic), key, cancellationToken), key)
                    : CodeAction.Create(title, cancellationToken => ApplyOneAsync(context.Document, diagnostic, key, cancellationToken), key);
                context.RegisterCodeFix(action, diagnostic);
            }
        }
    }

    /// <summary>The fixes that apply to <paramref name="diagnostic"/>: a title and the equivalence key that names the fix.</summary>
    private protected abstract ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>Applies the fix named <paramref name="key"/> for one diagnostic to the editor; a diagnostic it does not apply to is left.</summary>
    private protected abstract void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken);

    private async Task<Document> ApplyOneAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken) =>
        await ApplyAsync(document, ImmutableArray.Create(diagnostic), key, cancellationToken).ConfigureAwait(false) ?? document;

    private async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            Fix(editor, diagnostic, key, cancellationToken);
        }

        // Names are written fully qualified and annotated: the import adder adds `using PiiGuard;` where it binds.
        var changed = editor.GetChangedDocument();
        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private sealed class FixAll : FixAllProvider
    {
        private readonly DocumentFixProvider _provider;
        private readonly FixAllProvider _perDocument;

        public FixAll(DocumentFixProvider provider)
        {
            _provider = provider;
            _perDocument = Create((context, document, diagnostics) =>
                context.CodeActionEquivalenceKey is { } key ? provider.ApplyAsync(document, diagnostics, key, context.CancellationToken) : Task.FromResult<Document?>(null));
        }

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            if (fixAllContext.CodeActionEquivalenceKey is not { } key || !_provider.IsSolutionWide(key))
            {
                return await _perDocument.GetFixAsync(fixAllContext).ConfigureAwait(false);
            }

            var diagnostics = await InScopeAsync(fixAllContext).ConfigureAwait(false);
            return diagnostics.IsEmpty ? null : CodeAction.Create(
                $"Fix all: {key} ({fixAllContext.Scope})",
                cancellationToken => _provider.FixSolutionAsync(fixAllContext.Solution, diagnostics, key, cancellationToken),
                key);
        }

        private static async Task<ImmutableArray<Diagnostic>> InScopeAsync(FixAllContext context)
        {
            switch (context.Scope)
            {
                case FixAllScope.Project:
                    return await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false);
                case FixAllScope.Solution:
                    var all = ImmutableArray.CreateBuilder<Diagnostic>();
                    foreach (var project in context.Solution.Projects)
                    {
                        all.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    return all.ToImmutable();
                default:
                    return context.Document is { } document
                        ? await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                        : ImmutableArray<Diagnostic>.Empty;
            }
        }
    }
}
