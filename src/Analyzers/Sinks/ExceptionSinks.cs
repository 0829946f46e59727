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
        IInvocationOperation invocation => IsThrowHelper(invocation.TargetMethod),
        _ => false,
    };

    // Object creations, and the throw helpers that build the exception themselves.
    public override bool MayBeSinkMethod(IMethodSymbol method) => IsThrowHelper(method);

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

        if (call is not IObjectCreationOperation { Type: { } type } creation || !type.InheritsFromOrEquals(_exception))
        {
            return false;
        }

        var target = new SinkTarget(type.Name);
        foreach (var argument in creation.Arguments)
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
