using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>The operation blocks that have a control flow graph: bodies and initializers, not attributes.</summary>
internal static class BodyRoots
{
    /// <summary>
    /// The blocks of a symbol to analyse, one per body: a method's block sits under its
    /// <see cref="IMethodBodyOperation"/>, which the graph is built for.
    /// </summary>
    /// <remarks>Called for every symbol with a body: no set and no iterator for the usual one or two blocks.</remarks>
    public static List<(IOperation Block, IOperation Top)> Of(ImmutableArray<IOperation> operationBlocks)
    {
        var roots = new List<(IOperation Block, IOperation Top)>(operationBlocks.Length);
        foreach (var block in operationBlocks)
        {
            var top = Top(block);
            if (top is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation
                    or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation
                && !Contains(roots, top))
            {
                roots.Add((block, top));
            }
        }

        return roots;
    }

    private static bool Contains(List<(IOperation Block, IOperation Top)> roots, IOperation top)
    {
        foreach (var root in roots)
        {
            if (root.Top == top)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The root of a block's operation tree: the body the control flow graph is built for.</summary>
    private static IOperation Top(IOperation block)
    {
        var top = block;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        return top;
    }
}
