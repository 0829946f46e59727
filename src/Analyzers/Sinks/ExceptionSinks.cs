using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// Exceptions: what is passed to the constructor of <c>System.Exception</c> or any subclass ends up in
/// its message, and so in logs, error pages and crash reports.
/// </summary>
internal sealed class ExceptionSinks : SinkFamily
{
    private readonly INamedTypeSymbol? _exception;

    public ExceptionSinks(PersonalDataFlow flow)
        : base(flow) => _exception = flow.KnownTypes.Exception;

    public override SinkKind Kind => SinkKind.Exception;

    protected override PersonalData? Evaluate(BodyAnalysis analysis, IOperation value) => analysis.EvaluateAsText(value);

    public override bool IsSinkCall(IOperation call) => call switch
    {
        IObjectCreationOperation { Type: { } type } => type.InheritsFromOrEquals(_exception),
        IInvocationOperation invocation => IsThrowHelper(invocation.TargetMethod) || IsLibraryBaseConstructor(invocation.TargetMethod),
        _ => false,
    };

    // Object creations, the throw helpers that build the exception themselves, and a custom exception's `: base(message)`.
    public override bool MayBeSinkMethod(IMethodSymbol method) =>
        IsThrowHelper(method) || method.MethodKind == MethodKind.Constructor && method.ContainingType.InheritsFromOrEquals(_exception);

    // A constructor initializer (`: base(message)`) of a custom exception calling a library exception's constructor: the
    // message it is given is the exception's. One of the compilation's own is followed through its summary instead.
    private bool IsLibraryBaseConstructor(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor && !Flow.HasBody(method) && method.ContainingType.InheritsFromOrEquals(_exception);

    // ArgumentOutOfRangeException.ThrowIfGreaterThan(value, other) and its kind put the value (and what it is compared
    // with) into the message: "... must be less than or equal to '...'. Actual value was ...".
    private static bool IsThrowHelper(IMethodSymbol method) =>
        method is { IsStatic: true, ContainingType: { Name: nameof(ArgumentOutOfRangeException), ContainingNamespace: { Name: nameof(System), ContainingNamespace.IsGlobalNamespace: true } } }
        && method.Name.StartsWith("ThrowIf", StringComparison.Ordinal);

    protected override bool ObserveSink(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, SinkTarget> report)
    {
        if (call is IInvocationOperation invocation && IsThrowHelper(invocation.TargetMethod))
        {
            var helper = new SinkTarget($"{nameof(ArgumentOutOfRangeException)}.{invocation.TargetMethod.Name}");
            foreach (var argument in invocation.Arguments)
            {
                // Not paramName: the compiler fills it with the argument's source text, not its value.
                if (argument.Parameter?.Name is "value" or "other" && analysis.EvaluateAsText(argument.Value) is { } data)
                {
                    report(argument.Value, data, helper);
                }
            }

            return true;
        }

        string built;
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
        switch (call)
        {
            case IObjectCreationOperation { Type: { } type } creation when type.InheritsFromOrEquals(_exception):
                (built, arguments) = (type.Name, creation.Arguments);
                break;
            case IInvocationOperation initializer when IsLibraryBaseConstructor(initializer.TargetMethod):
                // The exception built is the custom one whose constructor this is, not the base it calls.
                var declaration = initializer.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>();
                (built, arguments) = (declaration?.Identifier.ValueText ?? initializer.TargetMethod.ContainingType.Name, initializer.Arguments);
                break;
            default:
                return false;
        }

        var target = new SinkTarget(built);
        foreach (var argument in arguments)
        {
            // The message and the other text an exception keeps (a parameter name, a custom field); not the inner exception.
            if (argument.Parameter?.Type.InheritsFromOrEquals(_exception) == false
                && analysis.EvaluateAsText(argument.Value) is { } data)
            {
                report(argument.Value, data, target);
            }
        }

        return true;
    }
}
