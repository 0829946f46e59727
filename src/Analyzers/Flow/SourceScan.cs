using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// Which operations are sources of personal data (a marked member, parameter or return value, a value of a
/// marked or carrier type, a call or member of the compilation whose summary brings its own data, a field
/// another method filled), and whether a method of the compilation brings data of its own, not only what
/// its callers pass in: a call into one that does not, given nothing, needs no summary.
/// </summary>
/// <remarks>
/// An over-approximation, so it never changes a finding: read from the operation trees, without building
/// a graph or a summary (<see cref="TaintScan"/> asks it of each operation it follows).
/// </remarks>
internal sealed class SourceScan : BodyScan<SourceScan>
{
    public SourceScan(PersonalDataFlow flow, SnapshotAnswers? snapshot)
        : base(flow, snapshot, snapshot?.BringsOwnData, recordsReads: false)
    {
    }

    // An edited body may have become a writer of a field a carried "no" reads (a "no" that rests on every writer's): every
    // method of the edited trees that writes a member whose writers an answer asked about is checked too.
    protected override IEnumerable<IMethodSymbol?> ToCheck(SnapshotAnswers.UncheckedAnswers carried, CancellationToken cancellationToken)
    {
        foreach (var method in base.ToCheck(carried, cancellationToken))
        {
            yield return method;
        }

        foreach (var tree in carried.EditedTrees)
        {
            var members = tree.GetRoot(cancellationToken).DescendantNodes(node => node is not (BlockSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax));
            foreach (var member in members)
            {
                if (member is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax }
                    && MethodOf(member, cancellationToken) is { } method
                    && Flow.HasBody(method)
                    && WritesAsked(method, carried, cancellationToken))
                {
                    yield return method;
                }
            }
        }
    }

    // Whether the method writes a member of its own type (only a type's methods are its members' writers) whose writers a
    // carried answer asked about.
    private bool WritesAsked(IMethodSymbol method, SnapshotAnswers.UncheckedAnswers carried, CancellationToken cancellationToken)
    {
        foreach (var member in Flow.MemberWriters.WrittenBy(method.OriginalDefinition, cancellationToken))
        {
            if (SymbolEqualityComparer.Default.Equals(member.ContainingType, method.ContainingType.OriginalDefinition)
                && Declaration(member, cancellationToken) is { } declaration && carried.WritersAsked?.Contains(declaration) != false)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a method of the compilation may return, store or send data of its own (not only what its
    /// callers pass in): its body holds a source, or a method it reaches does.
    /// </summary>
    public bool MayBringOwnData(IMethodSymbol method, CancellationToken cancellationToken) => OfMethod(method, cancellationToken);

    // A method's own data, as its summary sees it: `this` and the method's parameters there are its caller's values
    // (placeholders), sources by their type only when it is marked [Pii] (the value is the data itself) or the method
    // assigns them (a struct's `this`, a parameter).
    protected override bool Answers(IOperation operation, CancellationToken cancellationToken) => operation switch
    {
        IInstanceReferenceOperation { Type.IsReferenceType: true } instance => instance.Type is { } type && !Flow.Markings.Marked(type).IsEmpty,
        IParameterReferenceOperation parameter when IsPlaceholder(parameter) =>
            !Flow.Markings.Marked(parameter.Parameter).IsEmpty || !Flow.Markings.Marked(parameter.Parameter.Type).IsEmpty,
        IMemberReferenceOperation or ILocalReferenceOperation when IsOnlyWritten(operation) => false,
        IAssignmentOperation { Parent: IExpressionStatementOperation } => false,
        _ => IsSource(operation, cancellationToken),
    };

    // The target of a plain assignment (_service = service) is not read, nor is an assignment statement's value:
    // what they are given is asked of its own operations.
    private static bool IsOnlyWritten(IOperation reference) => WriterOf(reference) is ISimpleAssignmentOperation or IDeconstructionAssignmentOperation;

    // A parameter of the method itself (not of a lambda or local function, whose arguments the analysis does not
    // bind to placeholders) that this reference does not write: its value is the caller's placeholder.
    private static bool IsPlaceholder(IParameterReferenceOperation reference) =>
        reference.Parameter is { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } method }
        && !IsPrimaryConstructor(method)
        && !IsWritten(reference);

    // A primary constructor's parameter read in another member is that member's captured state, not its placeholder.
    private static bool IsPrimaryConstructor(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor
        && method.DeclaringSyntaxReferences is { IsEmpty: false } declarations
        && declarations[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax;

    private static bool IsWritten(IOperation reference) => WriterOf(reference) is not null;

    // What writes a reference: an assignment it is the target of (also in a deconstruction's tuple), an increment,
    // a ref or out argument, a ref local's initializer; null when it is only read.
    private static IOperation? WriterOf(IOperation reference)
    {
        var operation = reference;
        while (operation.Parent is ITupleOperation or IConversionOperation or IParenthesizedOperation)
        {
            operation = operation.Parent;
        }

        return operation.Parent switch
        {
            IAssignmentOperation assignment when assignment.Target == operation => assignment,
            IIncrementOrDecrementOperation increment => increment,
            IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument,
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol.IsRef: true } } initializer => initializer,
            _ => null,
        };
    }

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

                if (reference.Instance is null or IInstanceReferenceOperation && Flow.IsStorage(member))
                {
                    // What another method stored there from its own sources.
                    foreach (var writer in Flow.MemberWriters.Of(member, cancellationToken))
                    {
                        if (MayBringOwnData(writer, cancellationToken))
                        {
                            return true;
                        }
                    }

                    // A "no" kept rests on every writer's (recorded before it is kept): an edit may add one.
                    if (Snapshot is { } snapshot && WalkingForAnAnswer && Declaration(member, cancellationToken) is { } declaration)
                    {
                        snapshot.WritersAsked(declaration);
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
