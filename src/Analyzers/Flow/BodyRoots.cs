using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>The operation blocks that have a control flow graph: bodies and initializers, not attributes.</summary>
internal static class BodyRoots
{
    /// <summary>
    /// The blocks of a symbol to analyse, one per body: a method's block sits under its
    /// <see cref="IMethodBodyOperation"/>, which the graph is built for.
    /// </summary>
    /// <remarks>
    /// Asked by every rule for every symbol with a body: a struct enumerator over the usual one or two blocks,
    /// with no list (a list per call was a tenth of PiiGuard's allocations at 100k).
    /// </remarks>
    public static Enumerable Of(ImmutableArray<IOperation> operationBlocks) => new(operationBlocks);

    /// <summary>The root of a block's operation tree: the body the control flow graph is built for.</summary>
    public static IOperation Top(IOperation block)
    {
        var top = block;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        return top;
    }

    /// <summary>The control flow graph of a body's root (one <see cref="IsBody"/> accepts), as the driver builds it for a block.</summary>
    public static ControlFlowGraph Graph(IOperation top, CancellationToken cancellationToken) => top switch
    {
        IMethodBodyOperation method => ControlFlowGraph.Create(method, cancellationToken),
        IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
        IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
        IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
        IParameterInitializerOperation parameter => ControlFlowGraph.Create(parameter, cancellationToken),
        _ => ControlFlowGraph.Create((IBlockOperation)top, cancellationToken),
    };

    private static bool IsBody(IOperation top) =>
        top is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation
            or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation;

    public readonly struct Enumerable
    {
        private readonly ImmutableArray<IOperation> _blocks;

        public Enumerable(ImmutableArray<IOperation> blocks) => _blocks = blocks;

        public Enumerator GetEnumerator() => new(_blocks);
    }

    public struct Enumerator
    {
        private readonly ImmutableArray<IOperation> _blocks;
        private int _index;

        public Enumerator(ImmutableArray<IOperation> blocks)
        {
            _blocks = blocks;
            _index = -1;
            Current = default;
        }

        public (IOperation Block, IOperation Top) Current { get; private set; }

        public bool MoveNext()
        {
            while (++_index < _blocks.Length)
            {
                var block = _blocks[_index];
                var top = Top(block);
                if (IsBody(top) && !SeenBefore(top))
                {
                    Current = (block, top);
                    return true;
                }
            }

            return false;
        }

        // Blocks of one body share its root: the body is given once, with its first block.
        private readonly bool SeenBefore(IOperation top)
        {
            for (var i = 0; i < _index; i++)
            {
                if (Top(_blocks[i]) == top)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
