using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The bodies the driver has given a rule, held per tree until the tree is complete (its semantic model action), so the
/// engine analyses them once the compiler has compiled every method of the compilation.
/// </summary>
/// <remarks>
/// <para>
/// The compiler completes a tree when it knows which of its usings are unused, which needs every body of the compilation
/// bound: so in a build, every tree completes after the last method is compiled. Analysed then, a body finds its
/// callees in other files bound by the compiler, in the driver's semantic models. Analysed as the driver gave it, a
/// callee the compiler had not reached yet was bound by PiiGuard first and then again by the compiler, which shares its
/// binding with a model only when the model has not bound the body itself (830–1,700 bodies per 100k run).
/// </para>
/// <para>
/// The driver does not order a tree's completion after the bodies it gives: whichever comes last analyses a body, so
/// each is analysed once. In the IDE, a document's request runs both for that document alone.
/// </para>
/// </remarks>
internal sealed class TreeBodies
{
    private readonly ConcurrentDictionary<SyntaxTree, Held> _byTree = new();

    /// <summary>Holds a symbol's operation blocks until their tree completes; <see langword="false"/> when it has already.</summary>
    public bool TryHold(SyntaxTree tree, ImmutableArray<IOperation> blocks, ISymbol owner)
    {
        var held = _byTree.GetOrAdd(tree, static _ => new Held());
        lock (held)
        {
            if (held.Bodies is null)
            {
                return false;
            }

            held.Bodies.Add((blocks, owner));
            return true;
        }
    }

    /// <summary>Completes a tree: the bodies held for it, to analyse now; any given later is analysed as it comes.</summary>
    public List<(ImmutableArray<IOperation> Blocks, ISymbol Owner)> Complete(SyntaxTree tree)
    {
        var held = _byTree.GetOrAdd(tree, static _ => new Held());
        lock (held)
        {
            var bodies = held.Bodies ?? new List<(ImmutableArray<IOperation>, ISymbol)>();
            held.Bodies = null;
            return bodies;
        }
    }

    /// <summary>Holds again the bodies of a tree whose completion was cancelled before any was reported.</summary>
    public void HoldAgain(SyntaxTree tree, List<(ImmutableArray<IOperation> Blocks, ISymbol Owner)> bodies)
    {
        var held = _byTree.GetOrAdd(tree, static _ => new Held());
        lock (held)
        {
            if (held.Bodies is null)
            {
                held.Bodies = bodies;
            }
            else
            {
                held.Bodies.AddRange(bodies);
            }
        }
    }

    // Null once the tree is complete.
    private sealed class Held
    {
        public List<(ImmutableArray<IOperation> Blocks, ISymbol Owner)>? Bodies = new();
    }
}
