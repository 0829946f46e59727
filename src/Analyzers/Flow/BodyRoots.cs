using System.Collections.Generic;
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
    public static IEnumerable<(IOperation Block, IOperation Top)> Of(IEnumerable<IOperation> operationBlocks)
    {
        var seen = new HashSet<IOperation>();
        foreach (var block in operationBlocks)
        {
            var top = Top(block);
            if (top is IMethodBodyOperation or IConstructorBodyOperation or IFieldInitializerOperation
                    or IPropertyInitializerOperation or IParameterInitializerOperation or IBlockOperation
                && seen.Add(top))
            {
                yield return (block, top);
            }
        }
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
