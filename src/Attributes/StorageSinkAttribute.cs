using System;

namespace PiiGuard;

/// <summary>
/// Declares a custom storage sink: personal data passed to it is PII003 unless the sink encrypts
/// (<see cref="Encrypted"/>). On a class, every method of it is a sink; on a parameter, only that argument is.
/// </summary>
/// <example>
/// <code>
/// public sealed class DocumentArchive
/// {
///     [StorageSink] public void Put(string key, string body) { /* plain blob store */ }
///     [StorageSink(Encrypted = true)] public void PutSealed(string key, string body) { /* envelope encryption */ }
/// }
///
/// // For a type you do not own:
/// [assembly: StorageSink(typeof(Vendor.BlobClient), "Upload")]
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Assembly,
    AllowMultiple = true,
    Inherited = true)]
public sealed class StorageSinkAttribute : Attribute
{
    /// <summary>Declares the attributed method, parameter or class a storage sink.</summary>
    public StorageSinkAttribute()
    {
    }

    /// <summary>Declares the methods named <paramref name="methodName"/> of <paramref name="type"/>, a type you do not own, storage sinks (assembly level).</summary>
    /// <param name="type">The type declaring the method.</param>
    /// <param name="methodName">The method's name; every overload counts.</param>
    public StorageSinkAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The declaring type, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public Type? Type { get; }

    /// <summary>The method's name, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public string? MethodName { get; }

    /// <summary><see langword="true"/> when the sink encrypts what it stores, so writing personal data to it is no violation.</summary>
    public bool Encrypted { get; set; }
}
