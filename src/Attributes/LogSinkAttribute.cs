using System;

namespace PiiGuard;

/// <summary>
/// Declares a custom log or audit sink, such as a wrapper around a logger: personal data passed to it
/// is PII002. On a class, every method of it is a sink; on a parameter, only that argument is.
/// </summary>
/// <example>
/// <code>
/// public sealed class AuditTrail
/// {
///     [LogSink] public void Write(string entry) { /* ... */ }
/// }
///
/// // For a type you do not own:
/// [assembly: LogSink(typeof(Vendor.Telemetry), "Track")]
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Assembly,
    AllowMultiple = true,
    Inherited = true)]
public sealed class LogSinkAttribute : Attribute
{
    /// <summary>Declares the attributed method, parameter or class a log sink.</summary>
    public LogSinkAttribute()
    {
    }

    /// <summary>Declares the methods named <paramref name="methodName"/> of <paramref name="type"/>, a type you do not own, log sinks (assembly level).</summary>
    /// <param name="type">The type declaring the method.</param>
    /// <param name="methodName">The method's name; every overload counts.</param>
    public LogSinkAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The declaring type, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public Type? Type { get; }

    /// <summary>The method's name, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public string? MethodName { get; }
}
