using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace PiiGuard.Analyzers.Flow;

internal sealed partial class BodyAnalysis
{
    /// <summary>
    /// The catch, filter and finally regions of a graph, and the try regions they guard. No branch of the graph
    /// enters a handler: an exception does, from any point of its try region (or control leaving the try, for a
    /// finally). A forward walk along the branches alone never reaches one, and the <c>catch</c> that logs the
    /// customer it failed for is where personal data reaches logs most often.
    /// </summary>
    private sealed class Handlers
    {
        // Per handler (its first block): the blocks of the try region it guards.
        private readonly Dictionary<int, (int First, int Last)> _guarded = new();

        // Per block of a try region: the handlers an exception thrown there may enter (nested tries: several).
        private readonly Dictionary<int, List<int>> _entered = new();

        // Per last block of a finally: the blocks control reaches after it (the graph leaves the finally with no destination).
        private readonly Dictionary<int, List<int>> _afterFinally = new();

        private Handlers()
        {
        }

        /// <summary>The graph's handlers; <see langword="null"/> for a graph without any (most bodies).</summary>
        public static Handlers? Of(ControlFlowGraph graph)
        {
            Handlers? handlers = null;
            Collect(graph, graph.Root, ref handlers);
            if (handlers is not null)
            {
                // A branch out of a try runs the finally regions it lists on its way: what they assign reaches its destination.
                foreach (var block in graph.Blocks)
                {
                    handlers.AddFinallyPassages(block.FallThroughSuccessor);
                    handlers.AddFinallyPassages(block.ConditionalSuccessor);
                }
            }

            return handlers;
        }

        private void AddFinallyPassages(ControlFlowBranch? branch)
        {
            if (branch is not { Destination: { } destination } || branch.FinallyRegions.IsEmpty)
            {
                return;
            }

            foreach (var region in branch.FinallyRegions)
            {
                if (_guarded.ContainsKey(region.FirstBlockOrdinal))
                {
                    if (!_afterFinally.TryGetValue(region.LastBlockOrdinal, out var after))
                    {
                        _afterFinally[region.LastBlockOrdinal] = after = new List<int>();
                    }

                    after.Add(destination.Ordinal);
                }
            }
        }

        /// <summary>The handlers an exception thrown in the block may enter; <see langword="null"/> outside every try region.</summary>
        public List<int>? EnteredFrom(int ordinal) => _entered.TryGetValue(ordinal, out var handlers) ? handlers : null;

        /// <summary>The blocks reached after the finally the block ends; <see langword="null"/> for any other block.</summary>
        public List<int>? AfterFinally(int ordinal) => _afterFinally.TryGetValue(ordinal, out var blocks) ? blocks : null;

        /// <summary>Whether the block is the first of a handler, and if so, the blocks of the try region it guards.</summary>
        public bool TryGetGuarded(int ordinal, out (int First, int Last) guarded) => _guarded.TryGetValue(ordinal, out guarded);

        private static void Collect(ControlFlowGraph graph, ControlFlowRegion region, ref Handlers? handlers)
        {
            if (region.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally)
            {
                var guarded = region.NestedRegions[0];
                for (var i = 1; i < region.NestedRegions.Length; i++)
                {
                    var handler = region.NestedRegions[i];
                    if (!IsWritten(graph, handler))
                    {
                        continue;
                    }

                    handlers ??= new Handlers();
                    handlers.Add(handler.FirstBlockOrdinal, guarded);
                    if (handler.Kind == ControlFlowRegionKind.FilterAndHandler)
                    {
                        // The catch after a filter: entered when the filter says yes, with what the try left.
                        handlers.Add(handler.NestedRegions[handler.NestedRegions.Length - 1].FirstBlockOrdinal, guarded);
                    }
                }
            }

            foreach (var nested in region.NestedRegions)
            {
                Collect(graph, nested, ref handlers);
            }
        }

        // A catch, filter or finally the code spells out, with something in it. The compiler's own (the Dispose after a
        // foreach or a using, the Monitor.Exit after a lock) runs no code of the body's: leaving them out spares every
        // loop over a list the states of its try region.
        private static bool IsWritten(ControlFlowGraph graph, ControlFlowRegion handler)
        {
            for (var ordinal = handler.FirstBlockOrdinal; ordinal <= handler.LastBlockOrdinal; ordinal++)
            {
                var block = graph.Blocks[ordinal];
                foreach (var operation in block.Operations)
                {
                    if (IsInHandlerClause(operation.Syntax))
                    {
                        return true;
                    }
                }

                if (block.BranchValue is { } branch && IsInHandlerClause(branch.Syntax))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInHandlerClause(SyntaxNode syntax)
        {
            for (var node = syntax; node is not null and not MemberDeclarationSyntax; node = node.Parent)
            {
                if (node is CatchClauseSyntax or CatchFilterClauseSyntax or FinallyClauseSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(int handler, ControlFlowRegion guarded)
        {
            _guarded[handler] = (guarded.FirstBlockOrdinal, guarded.LastBlockOrdinal);
            for (var ordinal = guarded.FirstBlockOrdinal; ordinal <= guarded.LastBlockOrdinal; ordinal++)
            {
                if (!_entered.TryGetValue(ordinal, out var entered))
                {
                    _entered[ordinal] = entered = new List<int>();
                }

                entered.Add(handler);
            }
        }
    }
}
