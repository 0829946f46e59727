using System.Linq;
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
/// It asks exactly what <see cref="BodyAnalysis"/> would ask at the top level (the same summaries at the
/// same depth), so it only answers earlier; it never changes a finding.
/// </remarks>
internal sealed class SourceScan
{
    private readonly PersonalDataFlow _flow;

    public SourceScan(PersonalDataFlow flow) => _flow = flow;

    public bool MayHoldPersonalData(IOperation body, CancellationToken cancellationToken)
    {
        if (IsSource(body, cancellationToken))
        {
            return true;
        }

        foreach (var operation in body.Descendants())
        {
            if (IsSource(operation, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSource(IOperation operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var markings = _flow.Markings;
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

                if (reference.Instance is null or IInstanceReferenceOperation && BodyAnalysis.IsStorage(member)
                    && _flow.Summaries.StoredIn(member.OriginalDefinition, 0, cancellationToken) is not null)
                {
                    return true;
                }

                return member is IPropertySymbol { GetMethod: { } getter } && _flow.HasBody(getter) && BringsOwnData(getter, cancellationToken);
            case IInvocationOperation invocation:
                return !markings.MarkedReturn(invocation.TargetMethod).IsEmpty
                    || _flow.HasBody(invocation.TargetMethod) && BringsOwnData(invocation.TargetMethod, cancellationToken);
            case IObjectCreationOperation { Constructor: { } constructor }:
                return _flow.HasBody(constructor) && BringsOwnData(constructor, cancellationToken);
            case IForEachLoopOperation loop:
                // The graph calls the enumerator's members, which the tree does not show: one of ours may bring data.
                return loop.Collection.Type is { } collection && PersonalDataFlow.HasSource(collection);
            default:
                return false;
        }
    }

    // Data of the method's own (not its callers' arguments): in what it returns or leaves in members.
    private bool BringsOwnData(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var summary = _flow.Summaries.Get(method, 0, cancellationToken);
        return summary.Return is { } returned && returned.Sources.Any(source => !source.IsPlaceholder)
            || summary.Members.Values.Any(value => value.Sources.Any(source => !source.IsPlaceholder));
    }
}
