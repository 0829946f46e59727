using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Whether a body can hold personal data at all, from its operation tree alone: a body with no source
/// (no marked member, parameter or return value, no value of a marked or carrier type, no call or
/// member of the compilation whose summary brings its own data, no field another method filled) has
/// nothing to follow, so its control flow graph is never built. Most code is such code.
/// </summary>
/// <remarks>
/// An over-approximation, so it never changes a finding: a method of the compilation counts as a source
/// when its body, or one it calls, could bring data of its own (<see cref="MayBringOwnData"/>) — read from
/// the operation trees, without building a graph or a summary.
/// </remarks>
internal sealed class SourceScan : BodyScan<SourceScan>
{
    public SourceScan(PersonalDataFlow flow)
        : base(flow)
    {
    }

    public bool MayHoldPersonalData(IOperation body, CancellationToken cancellationToken) => AnyOperation(body, cancellationToken);

    /// <summary>
    /// Whether a method of the compilation may return, store or send data of its own (not only what its
    /// callers pass in): its body holds a source, or a method it reaches does.
    /// </summary>
    public bool MayBringOwnData(IMethodSymbol method, CancellationToken cancellationToken) => OfMethod(method, cancellationToken);

    protected override bool Answers(IOperation operation, CancellationToken cancellationToken) => IsSource(operation, cancellationToken);

    /// <summary>Whether the operation itself is a source (not its children): a marked member, parameter or return, a value of a marked or carrier type.</summary>
    public bool IsSource(IOperation operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var markings = Flow.Markings;
        if (operation.Type is { SpecialType: not SpecialType.System_Boolean } type
            && (!markings.Marked(type).IsEmpty || !markings.Carried(type).IsEmpty))
        {
            return true;
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                return !markings.Marked(parameter.Parameter).IsEmpty;
            case IMemberReferenceOperation { Member: IPropertySymbol or IFieldSymbol } reference:
                var member = reference.Member;
                if (!markings.Marked(member).IsEmpty)
                {
                    return true;
                }

                if (reference.Instance is null or IInstanceReferenceOperation && BodyAnalysis.IsStorage(member))
                {
                    // What another method stored there from its own sources.
                    foreach (var writer in Flow.MemberWriters.Of(member, cancellationToken))
                    {
                        if (MayBringOwnData(writer, cancellationToken))
                        {
                            return true;
                        }
                    }
                }

                return member is IPropertySymbol { GetMethod: { } getter } && Flow.HasBody(getter) && MayBringOwnData(getter, cancellationToken);
            case IInvocationOperation invocation:
                return !markings.MarkedReturn(invocation.TargetMethod).IsEmpty
                    || Flow.HasBody(invocation.TargetMethod) && MayBringOwnData(invocation.TargetMethod, cancellationToken);
            case IObjectCreationOperation { Constructor: { } constructor }:
                return Flow.HasBody(constructor) && MayBringOwnData(constructor, cancellationToken);
            case IForEachLoopOperation loop:
                // The graph calls the enumerator's members, which the tree does not show: one of ours may bring data.
                return loop.Collection.Type is { } collection && PersonalDataFlow.HasSource(collection);
            default:
                return false;
        }
    }
}
