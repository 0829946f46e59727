using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// Exceptions: what is passed to the constructor of <c>System.Exception</c> or any subclass ends up in
/// its message, and so in logs, error pages and crash reports.
/// </summary>
internal sealed class ExceptionSinks
{
    private readonly INamedTypeSymbol _exception;

    private ExceptionSinks(INamedTypeSymbol exception) => _exception = exception;

    public static ExceptionSinks? Create(KnownTypes knownTypes) =>
        knownTypes.Exception is { } exception ? new ExceptionSinks(exception) : null;

    public void Observe(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, string> report)
    {
        if (call is not IObjectCreationOperation { Type: { } type } creation || !type.InheritsFromOrEquals(_exception))
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            // The message and the other text an exception keeps (a parameter name, a custom field); not the inner exception.
            if (argument.Parameter?.Type.InheritsFromOrEquals(_exception) == false
                && analysis.EvaluateAsText(argument.Value) is { } data)
            {
                report(argument.Value, data, type.Name);
            }
        }
    }
}
