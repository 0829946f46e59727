using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Whether a body can send anything to a sink at all, from its operation tree alone: it has a sink step
/// (<see cref="IsSinkStep"/>: a call to one of a family's sinks, or to a method of the compilation that may
/// reach one, <see cref="MayReachSink(IMethodSymbol, CancellationToken)"/>). The taint scan asks it of every
/// operation on its own walk of a body.
/// Most code that touches personal data only moves it (mapping, validation, pricing): such a body has
/// no finding to give, so it gets no graph and no analysis, and asks for no summaries.
/// </summary>
/// <remarks>
/// An over-approximation, so it never changes a finding: the body analysis shows the observer nothing
/// but invocations, object creations and property assignments, and a family reports only the calls
/// its <see cref="Sinks.SinkFamily.IsSinkCall"/> accepts (checked on every observed call in debug builds).
/// </remarks>
internal sealed class SinkScan : BodyScan<SinkScan>
{
    // Whether any family can take a call to the method, per original definition: most calls are to methods none can.
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _sinkMethods = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IMethodSymbol, bool> _readSinkMethod;

    public SinkScan(PersonalDataFlow flow, SnapshotAnswers? snapshot)
        : base(flow, snapshot, snapshot?.ReachesSink, recordsReads: true)
    {
        _readSinkMethod = method =>
        {
            foreach (var family in Flow.SinkFamilies)
            {
                if (family.MayBeSinkMethod(method))
                {
                    return true;
                }
            }

            return false;
        };
    }

    /// <summary>
    /// Whether a method of the compilation may send its arguments (or data of its own) to a sink: its
    /// body calls one, directly or through its callees (methods that call each other answer together).
    /// </summary>
    public bool MayReachSink(IMethodSymbol method, CancellationToken cancellationToken) => OfMethod(method, cancellationToken);

    /// <summary>
    /// Whether the body the driver gives for <paramref name="method"/> is known to have no sink step: a caller's question
    /// already walked it (<see cref="MayReachSink"/> is whether its body has one). The taint scan then need not walk it.
    /// </summary>
    public bool IsKnownToReachNoSink(IMethodSymbol method, IOperation body, CancellationToken cancellationToken) =>
        TryGetAnswer(method, out var mayReachSink, cancellationToken) && !mayReachSink && IsWholeBody(method, body, cancellationToken);

    /// <summary>
    /// Takes the answer for <paramref name="method"/> from a walk of its body the driver gave (the taint scan's,
    /// which asks <see cref="IsSinkStep"/> of every call in it): the driver drops a file's semantic model once the
    /// file is analysed, and a caller analysed later would otherwise bind the method's body again in a new one.
    /// </summary>
    public void Learn(IMethodSymbol method, IOperation body, bool mayReachSink, CancellationToken cancellationToken)
    {
        if (IsWholeBody(method, body, cancellationToken))
        {
            Learn(method, mayReachSink, cancellationToken);
        }
    }

    // The body is all the method has (not one part of a partial method, not another method's body given with it as owner).
    private bool IsWholeBody(IMethodSymbol method, IOperation body, CancellationToken cancellationToken) =>
        Flow.HasBody(method) && method.DeclaringSyntaxReferences is { Length: 1 } declarations && declarations[0].GetSyntax(cancellationToken) == body.Syntax;

    /// <summary>
    /// Whether a call (invocation, object creation or property assignment) is a sink of a family, or a call
    /// into a method of the compilation that may reach one: a step the body analysis reports at.
    /// </summary>
    public bool IsSinkStep(IOperation operation, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                return IsSinkCall(invocation)
                    || Flow.HasBody(invocation.TargetMethod) && OfMethod(invocation.TargetMethod, invocation.Syntax.SyntaxTree, cancellationToken);
            case IObjectCreationOperation or ISimpleAssignmentOperation { Target: IPropertyReferenceOperation }:
                return IsSinkCall(operation);
            default:
                return false;
        }
    }

    protected override bool Answers(IOperation operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return IsSinkStep(operation, cancellationToken);
    }

    /// <summary>Whether a call is one of a family's sinks (not a call into the compilation that may reach one).</summary>
    public bool IsSinkCall(IOperation call)
    {
        if (call is IInvocationOperation invocation && !_sinkMethods.GetOrAdd(invocation.TargetMethod.OriginalDefinition, _readSinkMethod))
        {
            return false;
        }

        foreach (var family in Flow.SinkFamilies)
        {
            if (family.IsSinkCall(call))
            {
                return true;
            }
        }

        return false;
    }
}
