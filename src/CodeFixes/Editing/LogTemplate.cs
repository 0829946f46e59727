using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.CodeFixes.Editing;

/// <summary>
/// Removes an argument from a log call together with its placeholder in the message template: named
/// placeholders (<c>{Email}</c>, <c>{@Customer}</c>) match arguments by order, numbered ones (<c>{0}</c>) by number.
/// </summary>
internal static class LogTemplate
{
    private static readonly string[] s_templateParameterNames = { "message", "messageTemplate", "format", "messageFormat" };

    /// <summary>The call and the template argument's index, when <paramref name="value"/> is an argument that follows a literal template matching its arguments.</summary>
    public static (InvocationExpressionSyntax Call, int TemplateIndex, int ValuePosition)? Find(SemanticModel model, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        if (value.Parent is not ArgumentSyntax { NameColon: null } argument
            || argument.Parent is not ArgumentListSyntax list
            || list.Parent is not InvocationExpressionSyntax call
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation)
        {
            return null;
        }

        var templateIndex = -1;
        for (var i = 0; i < list.Arguments.Count; i++)
        {
            var parameter = invocation.Arguments.FirstOrDefault(a => a.Syntax == list.Arguments[i])?.Parameter;
            if (parameter is { Type.SpecialType: SpecialType.System_String } && s_templateParameterNames.Contains(parameter.Name)
                && list.Arguments[i].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression })
            {
                templateIndex = i;
                break;
            }
        }

        var position = list.Arguments.IndexOf(argument) - templateIndex - 1;
        if (templateIndex < 0 || position < 0 || list.Arguments.Skip(templateIndex + 1).Any(a => a.NameColon is not null))
        {
            return null;
        }

        var template = Template(list.Arguments[templateIndex]);
        var holes = Placeholders(template);
        var argumentCount = list.Arguments.Count - templateIndex - 1;
        var numbered = holes.Count > 0 && holes.All(h => h.Number is not null);
        var expected = numbered ? holes.Max(h => h.Number!.Value) + 1 : holes.Count;
        return expected == argumentCount ? (call, templateIndex, position) : null;
    }

    /// <summary>The call without the arguments at <paramref name="positions"/> (counted after the template) and their placeholders.</summary>
    public static InvocationExpressionSyntax Remove(InvocationExpressionSyntax call, int templateIndex, IReadOnlyCollection<int> positions)
    {
        var arguments = call.ArgumentList.Arguments;
        var templateArgument = arguments[templateIndex];
        var text = RemovePlaceholders(Template(templateArgument), positions);
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text))
            .WithTriviaFrom(templateArgument.Expression);

        var kept = new List<ArgumentSyntax>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i == templateIndex)
            {
                kept.Add(templateArgument.WithExpression(literal));
            }
            else if (!(i > templateIndex && positions.Contains(i - templateIndex - 1)))
            {
                kept.Add(arguments[i]);
            }
        }

        return call.WithArgumentList(call.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(kept)));
    }

    private static string Template(ArgumentSyntax argument) => ((LiteralExpressionSyntax)argument.Expression).Token.ValueText;

    private static string RemovePlaceholders(string template, IReadOnlyCollection<int> positions)
    {
        var holes = Placeholders(template);
        var numbered = holes.All(h => h.Number is not null);
        var text = new StringBuilder(template);

        // From the end, so earlier offsets stay valid.
        for (var i = holes.Count - 1; i >= 0; i--)
        {
            var hole = holes[i];
            var position = numbered ? hole.Number!.Value : i;
            if (positions.Contains(position))
            {
                RemoveHole(text, hole.Start, hole.Length);
            }
            else if (numbered)
            {
                // {3} becomes {1} when {0} and {2} go.
                var shift = positions.Count(p => p < position);
                if (shift > 0)
                {
                    var inner = text.ToString(hole.Start + 1, hole.Length - 2);
                    var digits = inner.TakeWhile(char.IsDigit).Count();
                    text.Remove(hole.Start + 1, digits).Insert(hole.Start + 1, (position - shift).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return text.ToString().Trim();
    }

    // Words that introduce the value and mean nothing without it: "Enquiry from {Email}" → "Enquiry".
    private static readonly string[] s_prepositions = { "from", "for", "to", "by", "of", "with", "at", "as", "on", "about", "via" };

    // Takes the space before the hole with it, brackets or quotes left empty, and a preposition left dangling:
    // "Enquiry from {Email} ({Name})" without Name → "Enquiry from {Email}", without Email too → "Enquiry".
    private static void RemoveHole(StringBuilder text, int start, int length)
    {
        text.Remove(start, length);
        if (start > 0 && start < text.Length && IsEmptyPair(text[start - 1], text[start]))
        {
            text.Remove(start - 1, 2);
            start--;
        }

        if (start > 0 && text[start - 1] == ' ' && (start == text.Length || IsPause(text[start])))
        {
            text.Remove(start - 1, 1);
            start--;
        }

        if (start == text.Length || IsPause(text[start]))
        {
            foreach (var preposition in s_prepositions)
            {
                var from = start - preposition.Length;
                if (from >= 0 && (from == 0 || text[from - 1] == ' ') && text.ToString(from, preposition.Length) == preposition)
                {
                    text.Remove(Math.Max(from - 1, 0), start - Math.Max(from - 1, 0));
                    break;
                }
            }
        }
    }

    private static bool IsPause(char c) => c is ' ' or '.' or ',' or ';' or ':' or ')' or '!' or '?';

    private static bool IsEmptyPair(char open, char close) =>
        (open, close) is ('(', ')') or ('[', ']') or ('\'', '\'') or ('"', '"') or ('<', '>');

    private static List<(int Start, int Length, int? Number)> Placeholders(string template)
    {
        var holes = new List<(int, int, int?)>();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                i++;
                continue;
            }

            if (template[i] == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                i++;
                continue;
            }

            if (template[i] == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    break;
                }

                var name = template.Substring(i + 1, end - i - 1).TrimStart('@', '$');
                var digits = name.TakeWhile(char.IsDigit).Count();
                int? number = digits > 0 && (digits == name.Length || name[digits] is ',' or ':')
                    ? int.Parse(name.Substring(0, digits), System.Globalization.CultureInfo.InvariantCulture)
                    : null;
                holes.Add((i, end - i + 1, number));
                i = end;
            }
        }

        return holes;
    }
}
