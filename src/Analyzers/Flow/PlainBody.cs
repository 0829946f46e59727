using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// A body that is one expression the control flow graph would keep as it stands: <c>=> $"{c.First} {c.Last}"</c>,
/// <c>{ return Format(c.Name); }</c>, <c>=> _audit.Record(c.Email)</c>. Its graph would be a single block holding
/// that same expression, so <see cref="BodyAnalysis"/> can follow it without building one.
/// </summary>
/// <remarks>
/// Four summaries in five on the generated 100k corpus are of such bodies (helpers, formatters, computed properties),
/// and building their graphs was a third of the engine's own allocations beyond binding. Only operations the graph
/// builder copies without rewriting qualify: no branch (<c>?:</c>, <c>??</c>, <c>?.</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>switch</c>, <c>throw</c>), no initializer (which the graph splits into statements), no lambda or local
/// function (which need the graph's own), no local. Anything else takes the graph as before.
/// </remarks>
internal readonly struct PlainBody
{
    private PlainBody(IOperation expression, bool isReturned)
    {
        Expression = expression;
        IsReturned = isReturned;
    }

    /// <summary>The body's one expression.</summary>
    public IOperation Expression { get; }

    /// <summary>Whether the body returns the expression's value (<c>return e;</c>, or <c>=> e</c> of a non-void member).</summary>
    public bool IsReturned { get; }

    /// <summary>The plain expression of a body's operation tree (a method's, or an accessor's block), when it has one.</summary>
    public static bool TryGet(IOperation body, out PlainBody plain)
    {
        var block = body switch
        {
            IMethodBodyOperation method => method.BlockBody is null ? method.ExpressionBody : method.ExpressionBody is null ? method.BlockBody : null,
            IBlockOperation { Parent: null } accessor => accessor,
            _ => null,
        };

        plain = block is { Operations.Length: 1, Locals.IsEmpty: true } ? block.Operations[0] switch
        {
            IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value } when IsPlain(value, depth: 0) => new PlainBody(value, isReturned: true),
            IExpressionStatementOperation { Operation: var value } when IsPlain(value, depth: 0) => new PlainBody(value, isReturned: false),
            _ => default,
        } : default;

        return plain.Expression is not null;
    }

    // Deeper than this, the graph is built as before: the check must never exhaust the stack.
    private const int MaxDepth = 32;

    private static bool IsPlain(IOperation operation, int depth)
    {
        var plain = depth < MaxDepth && operation switch
        {
            IBinaryOperation binary => binary.OperatorKind is not (BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr),
            IObjectCreationOperation creation => creation.Initializer is null,
            IInvocationOperation invocation => invocation.TargetMethod.MethodKind != MethodKind.LocalFunction,
            IArgumentOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation
                or IInstanceReferenceOperation or ILiteralOperation or IConversionOperation or IUnaryOperation
                or IInterpolatedStringOperation or IInterpolationOperation or IInterpolatedStringTextOperation
                or ITypeOfOperation or IDefaultValueOperation or INameOfOperation or IArrayElementReferenceOperation => true,
            _ => false,
        };

        if (!plain)
        {
            return false;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (!IsPlain(child, depth + 1))
            {
                return false;
            }
        }

        return true;
    }
}
