using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// A body that runs straight through: plain statements the control flow graph would keep as they stand, in one block,
/// and perhaps a value returned at the end: <c>=> $"{c.First} {c.Last}"</c>, <c>{ return Format(c.Name); }</c>,
/// <c>{ var line = Describe(c); _log.LogInformation("{Line}", line); }</c>. Its graph would be that one block, so
/// <see cref="BodyAnalysis"/> can follow the statements without building one.
/// </summary>
/// <remarks>
/// Four summaries in five on the generated 100k corpus are of such bodies (helpers, formatters, computed properties),
/// and building their graphs was a third of the engine's own allocations beyond binding. Only operations the graph
/// builder copies without rewriting qualify: no branch (<c>?:</c>, <c>??</c>, <c>?.</c>, <c>&amp;&amp;</c>,
/// <c>||</c>, <c>switch</c>, <c>throw</c>, a loop, <c>using</c>, a <c>return</c> before the end), no initializer (which
/// the graph splits into statements), no lambda or local function (which need the graph's own). A local declared with
/// a plain value is the graph's assignment of it. (The builder does rewrite <c>nameof(x)</c>, into its constant: both
/// hold nothing and call nothing.) Anything else takes the graph as before.
/// </remarks>
internal readonly struct PlainBody
{
    // Longer bodies take the graph: the check walks every operation before anything is saved.
    private const int MaxStatements = 16;

    private PlainBody(IOperation body, ImmutableArray<IOperation> statements, IOperation? returned)
    {
        Body = body;
        Statements = statements;
        Returned = returned;
    }

    /// <summary>The root of the body's operation tree.</summary>
    public IOperation Body { get; }

    /// <summary>The body's statements: the first <see cref="Count"/> are expression statements and local declarations.</summary>
    public ImmutableArray<IOperation> Statements { get; }

    /// <summary>How many of <see cref="Statements"/> run before the value returned, if any.</summary>
    public int Count => Returned is null ? Statements.Length : Statements.Length - 1;

    /// <summary>The value returned at the end (<c>return e;</c>, or <c>=> e</c> of a non-void member), if any.</summary>
    public IOperation? Returned { get; }

    /// <summary>The plain statements of a body's operation tree (a method's, or an accessor's block), when it has them.</summary>
    public static bool TryGet(IOperation body, out PlainBody plain)
    {
        plain = default;
        var block = body switch
        {
            IMethodBodyOperation method => method.BlockBody is null ? method.ExpressionBody : method.ExpressionBody is null ? method.BlockBody : null,
            IBlockOperation { Parent: null } accessor => accessor,
            _ => null,
        };

        if (block is not { Operations: { IsEmpty: false, Length: <= MaxStatements } statements })
        {
            return false;
        }

        var count = statements.Length;
        IOperation? returned = null;
        if (statements[count - 1] is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value })
        {
            if (!IsPlain(value, depth: 0))
            {
                return false;
            }

            returned = value;
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            if (!IsPlainStatement(statements[i]))
            {
                return false;
            }
        }

        plain = new PlainBody(body, statements, returned);
        return true;
    }

#if DEBUG
    /// <summary>
    /// The graph the body would have, for the debug checks that a plain body is analysed as its graph would be; fails
    /// unless it is what the analysis assumes: one block between entry and exit, no capture.
    /// </summary>
    public Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph CheckedGraph(System.Threading.CancellationToken cancellationToken)
    {
        var graph = BodyRoots.Graph(Body, cancellationToken);
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue))
            {
                if (System.Linq.Enumerable.Any(operation.DescendantsAndSelf(), o => o is Microsoft.CodeAnalysis.FlowAnalysis.IFlowCaptureOperation or Microsoft.CodeAnalysis.FlowAnalysis.IFlowCaptureReferenceOperation))
                {
                    throw new System.InvalidOperationException($"The graph of the plain body at {Body.Syntax.GetLocation()} captures a value.");
                }
            }
        }

        if (graph.Blocks.Length > 3)
        {
            throw new System.InvalidOperationException($"The graph of the plain body at {Body.Syntax.GetLocation()} has {graph.Blocks.Length - 2} blocks.");
        }

        return graph;
    }
#endif

    private static bool IsPlainStatement(IOperation statement)
    {
        switch (statement)
        {
            case IExpressionStatementOperation { Operation: var expression }:
                return IsPlain(expression, depth: 0);
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    if (declaration.Initializer is not null || !declaration.IgnoredDimensions.IsEmpty)
                    {
                        return false;
                    }

                    foreach (var declarator in declaration.Declarators)
                    {
                        if (declarator.Symbol is { IsRef: true } or { IsConst: true } || declarator.Initializer is { } initializer && !IsPlain(initializer.Value, depth: 0))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                return false;
        }
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
            ISimpleAssignmentOperation assignment => !assignment.IsRef,
            IArgumentOperation or IPropertyReferenceOperation or IFieldReferenceOperation or IParameterReferenceOperation
                or IInstanceReferenceOperation or ILocalReferenceOperation or IAwaitOperation or ILiteralOperation or IConversionOperation or IUnaryOperation
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
