using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The methods of a type that may leave data in one of its fields or auto-properties: those whose body
/// assigns the member, or calls a method on it (<c>_items.Add(x)</c>, <c>_dto.Fill(c)</c>). Only they can
/// contribute to <see cref="Summaries.StoredIn"/>; asking every method of the type instead made reads of
/// a logger field summarise the whole type, recursively, at every depth.
/// </summary>
/// <remarks>
/// An over-approximation of the body analysis's stores, never an under-approximation: a reference is
/// a write unless it is plainly read. A method is bound only if its syntax names the member where it may be
/// written (<see cref="WriteOf"/>, found from where its text spells the name); per method, the members it
/// writes (one walk of its operations); per member, its writers, once for the compilation.
/// </remarks>
internal sealed class MemberWriters
{
    [System.ThreadStatic]
    private static TextSearch? t_search;

    private readonly PersonalDataFlow _flow;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IMethodSymbol>> _byMember = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, HashSet<ISymbol>> _writtenBy = new(SymbolEqualityComparer.Default);

    public MemberWriters(PersonalDataFlow flow) => _flow = flow;

    public ImmutableArray<IMethodSymbol> Of(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (_byMember.TryGetValue(member, out var known))
        {
            return known;
        }

        var writers = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var method in Candidates(member, cancellationToken))
        {
            if (WrittenBy(method, cancellationToken).Contains(member))
            {
                writers.Add(method);
            }
        }

        return _byMember.GetOrAdd(member, writers.ToImmutable());
    }

    /// <summary>
    /// Whether a method may leave data in the fields or auto-properties of the object it is called on: its
    /// summary's members can only be members its own body writes.
    /// </summary>
    public bool WritesOwnMembers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var member in WrittenBy(method.OriginalDefinition, cancellationToken))
        {
            if (!member.IsStatic && member is IFieldSymbol or IPropertySymbol
                && SymbolEqualityComparer.Default.Equals(member.ContainingType, method.ContainingType.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    // A readonly field or a get-only auto-property (an injected logger or client, mostly) is written by constructors
    // alone: their bodies are all there is to look at; unless it holds a collection or a builder, which any method may
    // fill (_pending.Add(lead) in one method, sent on in another). Any other member, by the methods that name it where it
    // may be written.
    private IEnumerable<IMethodSymbol> Candidates(ISymbol member, CancellationToken cancellationToken)
    {
        if (member is IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null } && !IsFillable(member))
        {
            var constructors = member.IsStatic ? member.ContainingType.StaticConstructors : member.ContainingType.InstanceConstructors;
            return constructors.Where(_flow.HasBody);
        }

        var type = TypeOf(member);
        var candidates = new List<IMethodSymbol>();
        // One search per thread, reused (its buffer is 8 KB); Candidates asks nothing that searches again while it runs.
        var search = t_search ??= new TextSearch();
        foreach (var candidate in member.ContainingType.GetMembers())
        {
            if (candidate is IMethodSymbol method && _flow.HasBody(method) && MayWrite(method, member.Name, type, search, cancellationToken))
            {
                candidates.Add(method);
            }
        }

        return candidates;
    }

    // Whether the method names the member where it may write it (WriteOf). Only the places its text spells the name are
    // looked at, not every node of the body (a pricing service's methods all read its rates, few write them).
    private bool MayWrite(IMethodSymbol method, string name, ITypeSymbol type, TextSearch search, CancellationToken cancellationToken)
    {
        foreach (var reference in method.OriginalDefinition.WithBody().DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (reference.SyntaxTree.TryGetText(out var text) && search.Find(text, reference.Span, name))
            {
                foreach (var position in search.Positions)
                {
                    if (syntax.FindToken(position).Parent is IdentifierNameSyntax identifier && MayWrite(identifier, name, type))
                    {
                        return true;
                    }
                }

                continue;
            }

            // No text at hand, or an escape that may spell the name otherwise (`\u005Frates`): every name of the body.
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && MayWrite(identifier, name, type))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool MayWrite(IdentifierNameSyntax identifier, string name, ITypeSymbol type) =>
        identifier.Identifier.ValueText == name
        && WriteOf(identifier) is { } invoked
        && (invoked.Length == 0 || MayFill(type, invoked));

    /// <summary>Where a text spells a name, a chunk at a time (chunks overlap by the name's length); reused for a member's candidates.</summary>
    private sealed class TextSearch
    {
        private const int Chunk = 4096;
        private readonly char[] _buffer = new char[Chunk];

        public List<int> Positions { get; } = new();

        /// <summary>Fills <see cref="Positions"/>; false when the span holds a unicode escape, which may spell the name otherwise.</summary>
        public bool Find(SourceText text, TextSpan span, string name)
        {
            Positions.Clear();
            if (name.Length > Chunk / 2)
            {
                // No such identifier compiles (CS0645), but code being typed is analysed too: the chunks must advance.
                return false;
            }

            for (var start = span.Start; start < span.End; start += Chunk - name.Length)
            {
                var length = System.Math.Min(Chunk, span.End - start);
                text.CopyTo(start, _buffer, 0, length);
                // Jumps from one backslash or first letter of the name to the next (a vectorised search on the runtime).
                var chunk = new System.ReadOnlySpan<char>(_buffer, 0, length);
                for (var i = 0; ; i++)
                {
                    var next = System.MemoryExtensions.IndexOfAny(chunk.Slice(i), '\\', name[0]);
                    if (next < 0)
                    {
                        break;
                    }

                    i += next;
                    if (_buffer[i] == '\\')
                    {
                        if (i + 1 < length && _buffer[i + 1] is 'u' or 'U')
                        {
                            return false;
                        }

                        continue;
                    }

                    // A match inside the overlap is found again at the start of the next chunk: counted there.
                    if (i + name.Length <= length && (start + length >= span.End || i < Chunk - name.Length) && Matches(_buffer, i, name))
                    {
                        Positions.Add(start + i);
                    }
                }

                if (start + length >= span.End)
                {
                    break;
                }
            }

            return true;
        }
    }

    private static bool Matches(char[] buffer, int index, string name)
    {
        for (var j = 0; j < name.Length; j++)
        {
            if (buffer[index + j] != name[j])
            {
                return false;
            }
        }

        return true;
    }

    // Whether a call of this name on a value of the type may fill it, as IsWritten judges the call it binds to: a method
    // of the compilation, or a library method that keeps its arguments (`_rates.TryGetValue(…)` does not).
    private bool MayFill(ITypeSymbol type, string name)
    {
        var found = false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (AnyMayFill(current, name, ref found))
            {
                return true;
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (AnyMayFill(@interface, name, ref found))
            {
                return true;
            }
        }

        // Nothing of that name (a type parameter's, a delegate's, `dynamic`): as good as unknown.
        return !found;
    }

    private bool AnyMayFill(ITypeSymbol type, string name, ref bool found)
    {
        foreach (var candidate in type.GetMembers(name))
        {
            if (candidate is IMethodSymbol method)
            {
                found = true;

                // A generic method is judged as bound (Task<T>.ContinueWith<Customer> returns its own type): any may fill.
                if (method.IsGenericMethod || _flow.HasBody(method) || BodyAnalysis.IsAccumulating(method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A field's or an auto-property's type: the members asked about are storage (PersonalDataFlow.IsStorage).
    private static ITypeSymbol TypeOf(ISymbol member) => member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;

    private static bool IsFillable(ISymbol member)
    {
        var type = TypeOf(member);
        return type is IArrayTypeSymbol or { Name: "StringBuilder", ContainingNamespace.Name: "Text" } || IsCollection(type) || type.AllInterfaces.Any(IsCollection);
    }

    private static bool IsCollection(ITypeSymbol type) =>
        type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T
        || type is { Name: "ICollection", ContainingNamespace.Name: "Collections" };

    // The syntax of what IsWritten accepts, climbing as it climbs: null where the name is only read; the name of the method
    // called when the name is written only as the receiver of a call (`_rates.TryGetValue(…)`), which the member's type
    // then judges; empty for any other write (the call's receiver is then something else than the member).
    private static string? WriteOf(IdentifierNameSyntax name)
    {
        ExpressionSyntax current = name;
        if (current.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == current
            || current.Parent is MemberBindingExpressionSyntax)
        {
            current = (ExpressionSyntax)current.Parent;
        }

        var receiverIsMember = true;
        while (true)
        {
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax or CheckedExpressionSyntax:
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                    current = (ExpressionSyntax)current.Parent;
                    continue;
                case CastExpressionSyntax or DeclarationExpressionSyntax:
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } when ((BinaryExpressionSyntax)current.Parent).Left == current:
                case ElementAccessExpressionSyntax element when element.Expression == current:
                    receiverIsMember = false;
                    current = (ExpressionSyntax)current.Parent;
                    continue;
                case MemberAccessExpressionSyntax outer when outer.Expression == current:
                    if (outer.Parent is InvocationExpressionSyntax call && call.Expression == outer)
                    {
                        return receiverIsMember ? outer.Name.Identifier.ValueText : string.Empty;
                    }

                    receiverIsMember = false;
                    current = outer;
                    continue;
                case ArgumentSyntax { Parent: TupleExpressionSyntax tuple }:
                    receiverIsMember = false;
                    current = tuple;
                    continue;
                case FromClauseSyntax or JoinClauseSyntax:
                    // A query calls its source's Select or Where, which may be a method of the compilation.
                    return string.Empty;
                case AssignmentExpressionSyntax assignment:
                    return assignment.Left == current ? string.Empty : null;
                case InvocationExpressionSyntax invocation:
                    return invocation.Expression == current ? string.Empty : null;
                case ConditionalAccessExpressionSyntax access:
                    // IsWritten takes the receiver of ?. as written, whatever follows it.
                    return access.Expression == current ? string.Empty : null;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// The members a method (an original definition) may write, of any type, from one walk of its operations; memoised, not
    /// to be changed by the caller.
    /// </summary>
    internal HashSet<ISymbol> WrittenBy(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_writtenBy.TryGetValue(method, out var known))
        {
            return known;
        }

        var written = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var reference in method.OriginalDefinition.WithBody().DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (_flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not { } operation)
            {
                continue;
            }

            Collect(operation, written);
        }

        return _writtenBy.GetOrAdd(method, written);
    }

    // One stack for the walk rather than an iterator per level; unbounded depth (a long concatenation) costs heap, not stack.
    private void Collect(IOperation body, HashSet<ISymbol> written)
    {
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            foreach (var child in pending.Pop().ChildOperations)
            {
                if (child is IMemberReferenceOperation found && IsWritten(found))
                {
                    written.Add(found.Member.OriginalDefinition);
                }

                pending.Push(child);
            }
        }
    }

    private bool IsWritten(IOperation reference)
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
                    // A call fills the object it is called on only as the body analysis lets it: a method of the
                    // compilation (its summary's members) or a library method that keeps its arguments.
                    return invocation.Instance == current
                        && (_flow.HasBody(invocation.TargetMethod) || BodyAnalysis.IsAccumulating(invocation.TargetMethod));
                case IConditionalAccessOperation access:
                    return access.Operation == current;
                default:
                    return false;
            }
        }

        return false;
    }
}
