using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// A yes-or-no question asked of a body's operation tree (does any operation answer yes?), and of a method
/// of the compilation through its body, memoised per method. Recursion counts as yes, which is always safe
/// for the over-approximations built on it (<see cref="SourceScan"/>, <see cref="SinkScan"/>).
/// </summary>
/// <typeparam name="TScan">The scan itself: each scan keeps its own thread's methods in progress.</typeparam>
internal abstract class BodyScan<TScan>
    where TScan : BodyScan<TScan>
{
    [System.ThreadStatic]
    private static HashSet<IMethodSymbol>? t_inProgress;

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _byMethod = new(SymbolEqualityComparer.Default);

    protected BodyScan(PersonalDataFlow flow) => Flow = flow;

    protected PersonalDataFlow Flow { get; }

    /// <summary>Whether one operation (not its children) answers yes.</summary>
    protected abstract bool Answers(IOperation operation, CancellationToken cancellationToken);

    /// <summary>Whether the body, or any operation in it, answers yes.</summary>
    protected bool AnyOperation(IOperation body, CancellationToken cancellationToken)
    {
        if (Answers(body, cancellationToken))
        {
            return true;
        }

        foreach (var operation in body.Descendants())
        {
            if (Answers(operation, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the body of a method of the compilation answers yes; memoised, recursion counted as yes.</summary>
    protected bool OfMethod(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_byMethod.TryGetValue(method, out var known))
        {
            return known;
        }

        var inProgress = t_inProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!inProgress.Add(method))
        {
            return true;
        }

        try
        {
            var answer = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (Flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body
                    && AnyOperation(body, cancellationToken))
                {
                    answer = true;
                    break;
                }
            }

            return _byMethod.GetOrAdd(method, answer);
        }
        finally
        {
            inProgress.Remove(method);
        }
    }
}
