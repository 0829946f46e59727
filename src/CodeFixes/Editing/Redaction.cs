using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.CodeFixes.Editing;

/// <summary>Wraps a value in PiiGuard's runtime helpers: the mask, or the keyed-hash pseudonymiser.</summary>
internal static class Redaction
{
    public const string MaskKey = "PiiGuard.Mask";
    public const string PseudonymizeKey = "PiiGuard.Pseudonymize";

    public const string MaskTitle = "Mask the value with PiiMask.Mask";
    public const string PseudonymizeTitle = "Pseudonymise the value with PiiPseudonymizer.Shared";

    /// <summary>The value a diagnostic is reported on, when it is an expression.</summary>
    public static ExpressionSyntax? ValueAt(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true) switch
        {
            ArgumentSyntax argument => argument.Expression,
            ExpressionSyntax expression => expression,
            _ => null,
        };

    /// <summary>
    /// Whether a string can stand where <paramref name="value"/> is (an interpolation hole, an <c>object</c> or
    /// <c>string</c> parameter), so wrapping it in a helper that returns a string still compiles.
    /// </summary>
    public static bool CanWrap(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (value.Parent is InterpolationSyntax)
        {
            return true;
        }

        if (value.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } || value.Parent is AssignmentExpressionSyntax assignment && assignment.Left == value)
        {
            return false;
        }

        var type = model.GetTypeInfo(value, cancellationToken);
        var target = type.ConvertedType ?? type.Type;
        var text = model.Compilation.GetSpecialType(SpecialType.System_String);
        return target is not null && target.TypeKind != TypeKind.Error
            && model.Compilation.ClassifyConversion(text, target).IsImplicit;
    }

    /// <summary>
    /// What to wrap for a diagnostic on <paramref name="value"/>: the reads of the personal members inside it (so
    /// <c>$"Hi {c.Email}"</c> keeps its text and masks only the hole), or the whole value when a read cannot be
    /// wrapped or none is found; empty when nothing can be.
    /// </summary>
    public static ImmutableArray<ExpressionSyntax> Targets(SemanticModel model, ExpressionSyntax value, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var sources = diagnostic.AdditionalLocations.Where(l => l.IsInSource).ToImmutableHashSet();
        var reads = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var wrappable = true;
        CollectReads(value, isTop: true);
        if (reads.Count > 0 && wrappable)
        {
            return reads.ToImmutable();
        }

        return CanWrap(model, value, cancellationToken) ? ImmutableArray.Create(value) : ImmutableArray<ExpressionSyntax>.Empty;

        void CollectReads(SyntaxNode node, bool isTop)
        {
            if (!isTop && IsRead(node) && model.GetSymbolInfo(node, cancellationToken).Symbol is { } symbol && symbol.Locations.Any(sources.Contains))
            {
                wrappable &= CanWrap(model, (ExpressionSyntax)node, cancellationToken);
                reads.Add((ExpressionSyntax)node);
                return;
            }

            foreach (var child in node.ChildNodes())
            {
                CollectReads(child, isTop: false);
            }
        }
    }

    // A member read as a whole (customer.Email, or a bare Email), not the name part of a member access.
    private static bool IsRead(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax => true,
        IdentifierNameSyntax name => !(name.Parent is MemberAccessExpressionSyntax access && access.Name == name) && name.Parent is not MemberBindingExpressionSyntax,
        _ => false,
    };

    /// <summary>Replaces <paramref name="value"/> by the helper the equivalence key names, keeping comments around it.</summary>
    public static void Wrap(SyntaxEditor editor, ExpressionSyntax value, string key) =>
        editor.ReplaceNode(value, (current, _) =>
        {
            var helper = key == PseudonymizeKey ? "global::PiiGuard.PiiPseudonymizer.Shared.Pseudonymize" : "global::PiiGuard.PiiMask.Mask";
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression(helper).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(((ExpressionSyntax)current).WithoutTrivia()))))
                .WithTriviaFrom(current);
        });
}
