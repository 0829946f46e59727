using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Whether a body can send anything to a sink at all, from its operation tree alone: it calls one of a
/// family's sinks, or a method of the compilation that may (<see cref="MayReachSink(IMethodSymbol, CancellationToken)"/>).
/// Most code that touches personal data only moves it (mapping, validation, pricing): such a body has
/// no finding to give, so it gets no graph and no analysis, and asks for no summaries.
/// </summary>
/// <remarks>
/// An over-approximation, so it never changes a finding: the body analysis shows the observer nothing
/// but invocations, object creations and property assignments, and a family reports only the calls
/// its <see cref="Sinks.SinkFamily.IsSinkCall"/> accepts (checked on every observed call in debug builds).
/// </remarks>
internal sealed class SinkScan
{
    [System.ThreadStatic]
    private static HashSet<IMethodSymbol>? t_inProgress;

    private readonly PersonalDataFlow _flow;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _reachesSink = new(SymbolEqualityComparer.Default);

    public SinkScan(PersonalDataFlow flow) => _flow = flow;

    public bool MayReachSink(IOperation body, CancellationToken cancellationToken)
    {
        if (IsSinkStep(body, cancellationToken))
        {
            return true;
        }

        foreach (var operation in body.Descendants())
        {
            if (IsSinkStep(operation, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a method of the compilation may send its arguments (or data of its own) to a sink: its
    /// body calls one, directly or through its callees. Recursion counts as yes, which is always safe.
    /// </summary>
    public bool MayReachSink(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (_reachesSink.TryGetValue(method, out var known))
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
            var reaches = false;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (_flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is { } body
                    && MayReachSink(body, cancellationToken))
                {
                    reaches = true;
                    break;
                }
            }

            return _reachesSink.GetOrAdd(method, reaches);
        }
        finally
        {
            inProgress.Remove(method);
        }
    }

    private bool IsSinkStep(IOperation operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IInvocationOperation invocation:
                return IsSinkCall(invocation)
                    || _flow.HasBody(invocation.TargetMethod) && MayReachSink(invocation.TargetMethod, cancellationToken);
            case IObjectCreationOperation or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }:
                return IsSinkCall(operation);
            default:
                return false;
        }
    }

    private bool IsSinkCall(IOperation call)
    {
        foreach (var family in _flow.SinkFamilies)
        {
            if (family.IsSinkCall(call))
            {
                return true;
            }
        }

        return false;
    }
}
