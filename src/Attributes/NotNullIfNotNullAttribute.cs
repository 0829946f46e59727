#if !NETCOREAPP3_0_OR_GREATER
namespace System.Diagnostics.CodeAnalysis;

/// <summary>
/// The compiler's nullability hint, absent from netstandard2.0: the return value is not null when the named
/// parameter is not. Internal, so it never clashes with the framework's own in the consuming project.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue, AllowMultiple = true, Inherited = false)]
internal sealed class NotNullIfNotNullAttribute : Attribute
{
    /// <summary>Names the parameter whose nullness the return value follows.</summary>
    /// <param name="parameterName">The parameter's name.</param>
    public NotNullIfNotNullAttribute(string parameterName) => ParameterName = parameterName;

    /// <summary>The parameter whose nullness the return value follows.</summary>
    public string ParameterName { get; }
}
#endif
