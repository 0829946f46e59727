using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.CodeFixes.Editing;

/// <summary>Adds PiiGuard's attributes to the declaration of a property or field.</summary>
internal static class MemberAttributes
{
    /// <summary>The declaration to mark at a diagnostic's span: a property, a field declaring only this variable, or a positional record parameter.</summary>
    public static SyntaxNode? DeclarationAt(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true) switch
        {
            PropertyDeclarationSyntax property => property,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            ParameterSyntax { Parent.Parent: RecordDeclarationSyntax } parameter => parameter,
            _ => null,
        };

    /// <summary><c>[global::PiiGuard.Name(arguments)]</c>, simplified to <c>[Name(arguments)]</c> with a using where one binds.</summary>
    public static AttributeSyntax Attribute(string name, params string[] arguments)
    {
        var attribute = SyntaxFactory.Attribute(Annotate(SyntaxFactory.ParseName("global::PiiGuard." + name)));
        foreach (var argument in arguments)
        {
            attribute = attribute.AddArgumentListArguments(SyntaxFactory.AttributeArgument(Annotate(SyntaxFactory.ParseExpression(argument))));
        }

        return attribute;
    }

    /// <summary>Adds <paramref name="attribute"/> to <paramref name="declaration"/>; on a positional record parameter it targets the property.</summary>
    public static void Add(SyntaxEditor editor, SyntaxNode declaration, AttributeSyntax attribute)
    {
        if (declaration is ParameterSyntax)
        {
            var list = SyntaxFactory.AttributeList(
                SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)),
                SyntaxFactory.SingletonSeparatedList(attribute));
            editor.ReplaceNode(declaration, (current, _) => ((ParameterSyntax)current).AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.Space)));
        }
        else
        {
            editor.AddAttribute(declaration, SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)));
        }
    }

    public static T Annotate<T>(T node)
        where T : SyntaxNode =>
        node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
