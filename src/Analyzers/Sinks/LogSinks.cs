using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// The log and telemetry sinks PiiGuard knows without annotation: which calls write a log, and which of
/// their arguments end up in it.
/// </summary>
internal sealed class LogSinks : SinkFamily
{
    private readonly INamedTypeSymbol? _loggerExtensions;
    private readonly INamedTypeSymbol? _console;
    private readonly INamedTypeSymbol? _serilogLogger;
    private readonly INamedTypeSymbol? _serilogLog;
    private readonly INamedTypeSymbol? _nlogLogger;
    private readonly INamedTypeSymbol? _nlogLoggerBase;
    private readonly INamedTypeSymbol? _log4net;
    private readonly INamedTypeSymbol? _exception;
    private readonly INamedTypeSymbol? _logger;
    private readonly INamedTypeSymbol? _loggerMessageAttribute;
    private readonly INamedTypeSymbol? _dataClassificationAttribute;
    private readonly INamedTypeSymbol? _debug;
    private readonly INamedTypeSymbol? _trace;
    private readonly INamedTypeSymbol? _traceSource;
    private readonly INamedTypeSymbol? _activity;
    private readonly DeclaredSinks? _declared;

    public LogSinks(PersonalDataFlow flow)
        : base(flow)
    {
        var knownTypes = flow.KnownTypes;
        _loggerExtensions = knownTypes.LoggerExtensions;
        _console = knownTypes.Console;
        _serilogLogger = knownTypes.SerilogLogger;
        _serilogLog = knownTypes.SerilogLog;
        _nlogLogger = knownTypes.NLogLogger;
        _nlogLoggerBase = knownTypes.NLogLoggerBase;
        _log4net = knownTypes.Log4NetLog;
        _exception = knownTypes.Exception;
        _logger = knownTypes.Logger;
        _loggerMessageAttribute = knownTypes.LoggerMessageAttribute;
        _dataClassificationAttribute = knownTypes.DataClassificationAttribute;
        _debug = knownTypes.Debug;
        _trace = knownTypes.Trace;
        _traceSource = knownTypes.TraceSource;
        _activity = knownTypes.Activity;
        _declared = DeclaredSinks.Create(flow.Compilation, knownTypes.LogSinkAttribute);
    }

    public override SinkKind Kind => SinkKind.Log;

    protected override PersonalData? Evaluate(BodyAnalysis analysis, IOperation value) => analysis.EvaluateAsText(value);

    public override bool IsSinkCall(IOperation call) =>
        call is IInvocationOperation invocation
        && (IsLogCall(invocation, out _, out _) || IsLoggerMessage(invocation, out _) || _declared?.Of(invocation.TargetMethod) is not null);

    // Every branch of IsLogCall and IsLoggerMessage, by the method alone: Console.Out.Write* and Error.Write* by their name.
    public override bool MayBeSinkMethod(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return method.Name.StartsWith("Write", StringComparison.Ordinal)
            || type.Is(_loggerExtensions) || type.Is(_console) || type.Is(_debug) || type.Is(_trace) || type.Is(_traceSource) || type.Is(_activity)
            || method.Name is "Log" or "BeginScope" && type.Implements(_logger)
            || type.Is(_serilogLog) || type.Implements(_serilogLogger)
            || type.Is(_nlogLogger) || type.Implements(_nlogLoggerBase)
            || type.Implements(_log4net)
            || IsLoggerMessageMethod(method)
            || method.MethodKind == MethodKind.DelegateInvoke // an Action<ILogger, ...>'s original Invoke takes T1, not the logger
            || _declared?.Of(method) is not null;
    }

    protected override bool ObserveSink(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, SinkTarget> report)
    {
        if (call is not IInvocationOperation invocation)
        {
            return false;
        }

        if (IsLogCall(invocation, out var sinkName, out var destructures))
        {
            var target = new SinkTarget(sinkName);
            foreach (var (value, destructured) in LoggedValues(invocation, destructures))
            {
                // {@customer} serialises the whole object; elsewhere an object is logged as its ToString.
                var data = destructured ? analysis.Evaluate(value)?.AsValue() : analysis.EvaluateAsText(value);
                if (data is not null)
                {
                    report(value, data, target);
                }
            }

            return true;
        }

        if (IsLoggerMessage(invocation, out var messageName))
        {
            var messageTarget = new SinkTarget(messageName);
            foreach (var argument in invocation.Arguments)
            {
                // The logger and the exception are not message content; a classified parameter is redacted by the generator.
                if (argument.Parameter is { } parameter
                    && !parameter.Type.Implements(_logger) && !parameter.Type.InheritsFromOrEquals(_exception)
                    && !parameter.HasAttribute(_dataClassificationAttribute)
                    && analysis.EvaluateAsText(argument.Value) is { } data)
                {
                    report(argument.Value, data, messageTarget);
                }
            }

            return true;
        }

        if (_declared?.Of(invocation.TargetMethod) is not { } declared)
        {
            return false;
        }

        var declaredTarget = new SinkTarget($"{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}");
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && declared.Writes(parameter))
            {
                foreach (var value in Expand(argument))
                {
                    if (analysis.EvaluateAsText(value) is { } data)
                    {
                        report(value, data, declaredTarget);
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A <c>[LoggerMessage]</c> method (source-generated), or a delegate taking a logger first, as
    /// <c>LoggerMessage.Define</c> makes them: <c>s_enquiry(logger, email, null)</c>.
    /// </summary>
    private bool IsLoggerMessage(IInvocationOperation invocation, out string name)
    {
        var method = invocation.TargetMethod;
        name = method.Name;
        if (IsLoggerMessageMethod(method))
        {
            return true;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke
            && method.Parameters.Length > 0 && method.Parameters[0].Type.Implements(_logger)
            && invocation.Instance is IMemberReferenceOperation or ILocalReferenceOperation)
        {
            name = "LoggerMessage delegate " + (invocation.Instance is IMemberReferenceOperation member ? member.Member.Name : ((ILocalReferenceOperation)invocation.Instance).Local.Name);
            return true;
        }

        return false;
    }

    // A [LoggerMessage] method the generator implements.
    private bool IsLoggerMessageMethod(IMethodSymbol method) => method.HasAttribute(_loggerMessageAttribute);

    /// <summary>Whether the call writes a log; <paramref name="sinkName"/> is how messages name it.</summary>
    private bool IsLogCall(IInvocationOperation invocation, out string sinkName, out bool destructures)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        destructures = false;
        sinkName = string.Empty;
        if (type.Is(_loggerExtensions) && (method.Name.StartsWith("Log", StringComparison.Ordinal) || method.Name == "BeginScope"))
        {
            // Extension methods are called on the logger: name them as the user sees them.
            sinkName = "ILogger." + method.Name;
        }
        else if (method.Name is "Log" or "BeginScope" && type.Implements(_logger))
        {
            sinkName = "ILogger." + method.Name;
        }
        else if (type.Is(_console) && method.Name is "WriteLine" or "Write")
        {
            sinkName = "Console." + method.Name;
        }
        else if (method.Name.StartsWith("Write", StringComparison.Ordinal)
            && invocation.Instance is IPropertyReferenceOperation { Property.Name: "Out" or "Error" } stream
            && stream.Property.ContainingType.Is(_console))
        {
            sinkName = $"Console.{stream.Property.Name}.{method.Name}";
        }
        else if ((type.Is(_debug) || type.Is(_trace) || type.Is(_traceSource))
            && (method.Name.StartsWith("Write", StringComparison.Ordinal) || method.Name.StartsWith("Trace", StringComparison.Ordinal)
                || method.Name is "Print" or "Assert" or "Fail"))
        {
            sinkName = $"{type.Name}.{method.Name}";
        }
        else if (type.Is(_activity) && method.Name is "SetTag" or "AddTag" or "AddBaggage" or "SetBaggage" or "AddEvent")
        {
            // Telemetry exporters ship tags, baggage and events to the monitoring backend.
            sinkName = "Activity." + method.Name;
        }
        else if (_serilogLogger is not null
            && method.Name is "Verbose" or "Debug" or "Information" or "Warning" or "Error" or "Fatal" or "Write" or "ForContext"
            && (type.Is(_serilogLog) || type.Implements(_serilogLogger)))
        {
            sinkName = (type.Is(_serilogLog) ? "Log." : "Serilog.ILogger.") + method.Name;
            destructures = true;
        }
        else if ((type.Is(_nlogLogger) || type.Implements(_nlogLoggerBase))
            && method.Name is "Trace" or "Debug" or "Info" or "Warn" or "Error" or "Fatal" or "Log" or "ConditionalTrace" or "ConditionalDebug")
        {
            // NLog's message templates destructure with {@x} as Serilog's do.
            sinkName = "NLog.Logger." + method.Name;
            destructures = true;
        }
        else if (type.Implements(_log4net)
            && method.Name is "Debug" or "Info" or "Warn" or "Error" or "Fatal"
                or "DebugFormat" or "InfoFormat" or "WarnFormat" or "ErrorFormat" or "FatalFormat")
        {
            sinkName = "ILog." + method.Name;
        }

        return sinkName.Length > 0;
    }


    /// <summary>
    /// The values a sink call writes: the message and its arguments, one by one for a <c>params</c>
    /// array, each with whether a Serilog template destructures it (<c>{@x}</c>). The logger, the
    /// level, the event ID and the exception are not message content.
    /// </summary>
    private IEnumerable<(IOperation Value, bool Destructured)> LoggedValues(IInvocationOperation invocation, bool destructures)
    {
        var holes = destructures ? TemplateHoles(invocation) : null;

        // Serilog's ForContext(name, value, destructureObjects: true) serialises the value as {@x} does.
        var destructuresValue = destructures && invocation.TargetMethod.Name == "ForContext" && invocation.Arguments.Any(
            argument => argument.Parameter?.Name == "destructureObjects" && argument.Value.ConstantValue is { HasValue: true, Value: true });
        var index = -1;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !IsMessageContent(parameter))
            {
                continue;
            }

            var isTemplate = parameter.Type.SpecialType == SpecialType.System_String && parameter.Name is "messageTemplate" or "message" or "format";
            if (argument.ArgumentKind == ArgumentKind.ParamArray
                && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues)
                {
                    index++;
                    yield return (element, IsDestructured(holes, index));
                }
            }
            else
            {
                if (!isTemplate)
                {
                    index++;
                }

                yield return (argument.Value, !isTemplate && (IsDestructured(holes, index) || destructuresValue && parameter.Name == "value"));
            }
        }
    }

    private static bool IsDestructured(List<bool>? holes, int index) => holes is not null && index < holes.Count && holes[index];

    /// <summary>For each hole of a constant Serilog template, in order, whether it destructures (<c>{@x}</c>).</summary>
    private static List<bool>? TemplateHoles(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "messageTemplate" or "message" && argument.Value.ConstantValue is { HasValue: true, Value: string template })
            {
                var holes = new List<bool>();
                for (var i = 0; i < template.Length; i++)
                {
                    if (template[i] == '{')
                    {
                        if (i + 1 < template.Length && template[i + 1] == '{')
                        {
                            i++;
                            continue;
                        }

                        holes.Add(i + 1 < template.Length && template[i + 1] == '@');
                    }
                }

                return holes;
            }
        }

        return null;
    }

    private bool IsMessageContent(IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } && parameter.Ordinal == 0)
        {
            return false;
        }

        // As declared: BeginScope<TState>(TState state) takes any state, an array of pairs as well as a string.
        return parameter.OriginalDefinition.Type switch
        {
            IArrayTypeSymbol array => array.ElementType.SpecialType is SpecialType.System_Object or SpecialType.System_Char,
            INamedTypeSymbol named => named.SpecialType != SpecialType.None || named.TypeKind != TypeKind.Enum && !IsLoggingPlumbing(named),
            _ => true,
        };
    }

    // EventId and Exception are logged beside the message, not inside it; exceptions are PII004's business.
    private bool IsLoggingPlumbing(INamedTypeSymbol type) =>
        type.Name is "EventId" || type.InheritsFromOrEquals(_exception);
}
