using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Rules;
using PiiGuard.CodeFixes.Editing;

namespace PiiGuard.CodeFixes.Rules;

/// <summary>
/// PII001: permit the categories for the processor (an edit of its <c>[ThirdPartyProcessor]</c>, wherever it is
/// declared: a visible, reviewable decision), pseudonymise the value, or send only the members the processor may receive.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProcessorNotPermittedCodeFixProvider))]
public sealed class ProcessorNotPermittedCodeFixProvider : DocumentFixProvider
{
    internal const string PermitKey = "PiiGuard.PermitForProcessor";
    internal const string MinimiseKey = "PiiGuard.SendPermittedMembers";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.ProcessorNotPermitted);

    private protected override bool IsSolutionWide(string key) => key == PermitKey;

    private protected override ImmutableArray<(string Title, string Key)> Offers(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Minimising first: the first fix is the light bulb's default and what `dotnet format` applies, and widening
        // what a processor may receive is a decision for the data processing agreement, not a default.
        var offers = ImmutableArray.CreateBuilder<(string, string)>();
        if (Redaction.ValueAt(root, diagnostic.Location.SourceSpan) is { } value)
        {
            if (PermittedMembers(model, value, diagnostic, cancellationToken) is { IsDefaultOrEmpty: false })
            {
                offers.Add(("Send only the members the processor may receive", MinimiseKey));
            }
            else if (!Redaction.Targets(model, value, diagnostic, cancellationToken).IsEmpty)
            {
                offers.Add((Redaction.PseudonymizeTitle, Redaction.PseudonymizeKey));
            }
        }

        if (diagnostic.Properties.TryGetValue(ProcessorNotPermittedAnalyzer.ProcessorProperty, out var processor)
            && diagnostic.Properties.TryGetValue(ProcessorNotPermittedAnalyzer.RefusedProperty, out var refused))
        {
            offers.Add(($"Permit {refused} for processor '{processor}' (edits its [ThirdPartyProcessor])", PermitKey));
        }

        return offers.ToImmutable();
    }

    private protected override void Fix(DocumentEditor editor, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (Redaction.ValueAt(editor.OriginalRoot, diagnostic.Location.SourceSpan) is not { } value)
        {
            return;
        }

        if (key == MinimiseKey)
        {
            if (PermittedMembers(editor.SemanticModel, value, diagnostic, cancellationToken) is { IsDefaultOrEmpty: false } members)
            {
                var anonymous = SyntaxFactory.AnonymousObjectCreationExpression(SyntaxFactory.SeparatedList(
                    members.Select(member => SyntaxFactory.AnonymousObjectMemberDeclarator(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, value.WithoutTrivia(), SyntaxFactory.IdentifierName(member))))));
                editor.ReplaceNode(value, anonymous.WithTriviaFrom(value));
            }

            return;
        }

        foreach (var target in Redaction.Targets(editor.SemanticModel, value, diagnostic, cancellationToken))
        {
            Redaction.Wrap(editor, target, key);
        }
    }

    // For a whole object sent where any object is accepted: its readable members that carry only permitted
    // categories (or none), when some but not all are; default otherwise.
    private static ImmutableArray<string> PermittedMembers(SemanticModel model, ExpressionSyntax value, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (value is not (IdentifierNameSyntax or MemberAccessExpressionSyntax)
            || model.GetTypeInfo(value, cancellationToken) is not { Type: INamedTypeSymbol type, ConvertedType: { } target }
            || !(target.SpecialType == SpecialType.System_Object || target.TypeKind is TypeKind.TypeParameter or TypeKind.Dynamic)
            || KnownTypes.Create(model.Compilation) is not { } known
            || !diagnostic.Properties.TryGetValue(ProcessorNotPermittedAnalyzer.PermittedProperty, out var permittedText))
        {
            return default;
        }

        var permitted = Categories(permittedText);
        var markings = new Markings(known, EmptyOptions.Provider);
        var kept = ImmutableArray.CreateBuilder<string>();
        var dropped = false;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is not (IPropertySymbol { IsIndexer: false, GetMethod: not null } or IFieldSymbol { IsImplicitlyDeclared: false })
                    || member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || kept.Contains(member.Name))
                {
                    continue;
                }

                var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
                var carried = markings.Marked(member).Union(markings.Marked(memberType)).Union(markings.Carried(memberType));
                if (carried.Except(permitted).IsEmpty && !IsComputed(member))
                {
                    kept.Add(member.Name);
                }
                else
                {
                    dropped = true;
                }
            }
        }

        return dropped && kept.Count > 0 ? kept.ToImmutable() : default;
    }

    // A computed property (FullName => First + " " + Last) may read anything: leaving it out is the safe choice.
    private static bool IsComputed(ISymbol member) =>
        member is IPropertySymbol property && !property.DeclaringSyntaxReferences.IsEmpty
        && !property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(field => SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property));

    private protected override async Task<Solution> FixSolutionAsync(Solution solution, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        // What each processor must now be permitted, from all the diagnostics at once.
        var additions = new Dictionary<string, PiiCategorySet>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(ProcessorNotPermittedAnalyzer.ProcessorProperty, out var processor) && processor is not null
                && diagnostic.Properties.TryGetValue(ProcessorNotPermittedAnalyzer.RefusedProperty, out var refused))
            {
                additions[processor] = (additions.TryGetValue(processor, out var known) ? known : PiiCategorySet.Empty).Union(Categories(refused));
            }
        }

        foreach (var documentId in solution.Projects.SelectMany(project => project.DocumentIds).ToList())
        {
            var document = solution.GetDocument(documentId)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var declarations = root?.DescendantNodes(node => node is not (BlockSyntax or ArrowExpressionClauseSyntax))
                .OfType<AttributeSyntax>()
                .Where(attribute => IsProcessorAttributeName(attribute.Name))
                .ToList();
            if (declarations is null || declarations.Count == 0)
            {
                continue;
            }

            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var changed = false;
            foreach (var attribute in declarations)
            {
                if (ProcessorName(editor.SemanticModel, attribute, cancellationToken) is { } name && additions.TryGetValue(name, out var categories))
                {
                    editor.ReplaceNode(attribute, (current, _) => Permit((AttributeSyntax)current, categories));
                    changed = true;
                }
            }

            if (changed)
            {
                var edited = await ImportAdderAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
                solution = edited.Project.Solution;
            }
        }

        return solution;
    }

    private static Task<Document> ImportAdderAsync(Document document, CancellationToken cancellationToken) =>
        Microsoft.CodeAnalysis.Editing.ImportAdder.AddImportsAsync(document, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

    private static bool IsProcessorAttributeName(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return text is "ThirdPartyProcessor" or "ThirdPartyProcessorAttribute";
    }

    // The processor's name: the first string argument (after the client type in the assembly-level form).
    private static string? ProcessorName(SemanticModel model, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        foreach (var argument in attribute.ArgumentList?.Arguments ?? default)
        {
            if (argument.NameEquals is null && model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string name })
            {
                return name;
            }
        }

        return null;
    }

    // Appends the categories the attribute does not name yet, in the enum's order.
    private static AttributeSyntax Permit(AttributeSyntax attribute, PiiCategorySet categories)
    {
        var arguments = attribute.ArgumentList?.Arguments ?? default;
        var named = new HashSet<string>(arguments.Select(a => a.Expression).OfType<MemberAccessExpressionSyntax>().Select(m => m.Name.Identifier.ValueText));
        var added = new List<AttributeArgumentSyntax>();
        for (var i = 0; i < PiiCategorySet.Names.Count; i++)
        {
            var name = PiiCategorySet.Names[i];
            if (categories.Overlaps(PiiCategorySet.Of(i)) && !named.Contains(name))
            {
                added.Add(SyntaxFactory.AttributeArgument(MemberAttributes.Annotate(SyntaxFactory.ParseExpression("global::PiiGuard.PiiCategory." + name))));
            }
        }

        return attribute.WithArgumentList((attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList()).AddArguments(added.ToArray()));
    }

    private static PiiCategorySet Categories(string? text)
    {
        var set = PiiCategorySet.Empty;
        foreach (var part in (text ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i < PiiCategorySet.Names.Count; i++)
            {
                if (PiiCategorySet.Names[i] == part)
                {
                    set = set.Union(PiiCategorySet.Of(i));
                }
            }
        }

        return set;
    }
}
