using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The methods of a type that may leave data in one of its fields or auto-properties: those whose body
/// assigns the member, or calls a method on it (<c>_items.Add(x)</c>, <c>_dto.Fill(c)</c>). Only they can
/// contribute to <see cref="Summaries.StoredIn"/>; asking every method of the type instead made reads of
/// a logger field summarise the whole type, recursively, at every depth.
/// </summary>
/// <remarks>
/// An over-approximation of the body analysis's stores, never an under-approximation: a reference is
/// a write unless it is plainly read. Memoised per member for the compilation.
/// </remarks>
internal sealed class MemberWriters
{
    private readonly PersonalDataFlow _flow;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IMethodSymbol>> _byMember = new(SymbolEqualityComparer.Default);

    public MemberWriters(PersonalDataFlow flow) => _flow = flow;

    public ImmutableArray<IMethodSymbol> Of(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (_byMember.TryGetValue(member, out var known))
        {
            return known;
        }

        var writers = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var candidate in member.ContainingType.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (candidate is IMethodSymbol method && _flow.HasBody(method) && Writes(method, member, cancellationToken))
            {
                writers.Add(method);
            }
        }

        return _byMember.GetOrAdd(member, writers.ToImmutable());
    }

    private bool Writes(IMethodSymbol method, ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!Mentions(syntax, member.Name))
            {
                continue;
            }

            var operation = _flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
            if (operation is null)
            {
                continue;
            }

            foreach (var descendant in operation.Descendants())
            {
                if (descendant is IMemberReferenceOperation found
                    && SymbolEqualityComparer.Default.Equals(found.Member.OriginalDefinition, member)
                    && IsWritten(found))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Cheap before binding: a body that never spells the member's name cannot reference it.
    private static bool Mentions(SyntaxNode syntax, string name)
    {
        foreach (var token in syntax.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritten(IOperation reference)
    {
        var current = reference;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or ITupleOperation or IDeclarationExpressionOperation:
                case IMemberReferenceOperation outer when outer.Instance == current:
                case IArrayElementReferenceOperation element when element.ArrayReference == current:
                    current = parent;
                    continue;
                case IAssignmentOperation assignment:
                    return assignment.Target == current;
                case IInvocationOperation invocation:
                    return invocation.Instance == current;
                case IConditionalAccessOperation access:
                    return access.Operation == current;
                default:
                    return false;
            }
        }

        return false;
    }
}
