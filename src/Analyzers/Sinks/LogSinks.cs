using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// The log and telemetry sinks PiiGuard knows without annotation: which calls write a log, and which of
/// their arguments end up in it.
/// </summary>
internal sealed class LogSinks
{
    private readonly INamedTypeSymbol? _loggerExtensions;
    private readonly INamedTypeSymbol? _console;
    private readonly PersonalDataFlow _flow;

    private LogSinks(KnownTypes knownTypes, PersonalDataFlow flow)
    {
        _loggerExtensions = knownTypes.LoggerExtensions;
        _console = knownTypes.Console;
        _flow = flow;
    }

    /// <summary>The log sinks of a compilation, or <see langword="null"/> when it references none.</summary>
    public static LogSinks? Create(KnownTypes knownTypes, PersonalDataFlow flow) =>
        knownTypes.LoggerExtensions is null && knownTypes.Console is null ? null : new LogSinks(knownTypes, flow);

    /// <summary>
    /// Reports each value of <paramref name="call"/> that puts personal data into a log: directly, for a
    /// known sink, or through a method of the compilation whose summary says a parameter reaches one.
    /// </summary>
    public void Observe(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, string> report)
    {
        if (call is not IInvocationOperation invocation)
        {
            return;
        }

        if (IsSink(invocation.TargetMethod, out var sinkName))
        {
            foreach (var value in LoggedValues(invocation))
            {
                if (analysis.EvaluateAsText(value) is { } data)
                {
                    report(value, data, sinkName);
                }
            }

            return;
        }

        if (!_flow.HasBody(invocation.TargetMethod))
        {
            return;
        }

        var summary = _flow.Summaries.Get(invocation.TargetMethod, 0, CancellationToken(analysis));
        foreach (var flow in summary.LogSinks)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == flow.Placeholder && analysis.EvaluateAsText(argument.Value) is { } data)
                {
                    report(argument.Value, data.Through(BodyAnalysis.CallStep(invocation.TargetMethod)), flow.Sink);
                }
            }
        }
    }

    private static System.Threading.CancellationToken CancellationToken(BodyAnalysis analysis) => analysis.CancellationToken;

    /// <summary>Whether <paramref name="method"/> writes a log; <paramref name="sinkName"/> is how messages name it.</summary>
    public bool IsSink(IMethodSymbol method, out string sinkName)
    {
        var type = method.ContainingType;
        if (_loggerExtensions is not null
            && SymbolEqualityComparer.Default.Equals(type, _loggerExtensions)
            && method.Name.StartsWith("Log", System.StringComparison.Ordinal))
        {
            // Extension methods are called on the logger: name them as the user sees them.
            sinkName = "ILogger." + method.Name;
            return true;
        }

        if (_console is not null
            && SymbolEqualityComparer.Default.Equals(type, _console)
            && method.Name is "WriteLine" or "Write")
        {
            sinkName = "Console." + method.Name;
            return true;
        }

        sinkName = string.Empty;
        return false;
    }

    /// <summary>
    /// The values a sink call writes: the message and its arguments, one by one for a <c>params</c>
    /// array. The logger, the level, the event ID and the exception are not message content.
    /// </summary>
    public static IEnumerable<IOperation> LoggedValues(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !IsMessageContent(parameter))
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.ParamArray
                && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    yield return element;
                }
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    private static bool IsMessageContent(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } && parameter.Ordinal == 0)
        {
            return false;
        }

        return parameter.Type switch
        {
            IArrayTypeSymbol array => array.ElementType.SpecialType is SpecialType.System_Object or SpecialType.System_Char,
            INamedTypeSymbol named => named.SpecialType != SpecialType.None || named.TypeKind != TypeKind.Enum && !IsLoggingPlumbing(named),
            _ => true,
        };
    }

    // EventId and Exception are logged beside the message, not inside it; exceptions are PII004's business.
    private static bool IsLoggingPlumbing(INamedTypeSymbol type) =>
        type.Name is "EventId" || InheritsFromException(type);

    private static bool InheritsFromException(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "Exception" && current.ContainingNamespace?.ToDisplayString() == "System")
            {
                return true;
            }
        }

        return false;
    }
}
