using System;

namespace PiiGuard;

/// <summary>
/// Declares that a method's return value carries no personal data, whatever its arguments held:
/// it masks, hashes, tokenises or encrypts. Data flowing through it stops being personal.
/// </summary>
/// <example>
/// <code>
/// [Redacts] public static string LastFourDigits(string cardNumber) => cardNumber[^4..];
///
/// // For a method you do not own:
/// [assembly: Redacts(typeof(Vendor.Tokenizer), "Tokenize")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Assembly, AllowMultiple = true, Inherited = true)]
public sealed class RedactsAttribute : Attribute
{
    /// <summary>Declares the attributed method a redactor.</summary>
    public RedactsAttribute()
    {
    }

    /// <summary>Declares the methods named <paramref name="methodName"/> of <paramref name="type"/>, a type you do not own, redactors (assembly level).</summary>
    /// <param name="type">The type declaring the method.</param>
    /// <param name="methodName">The method's name; every overload counts.</param>
    public RedactsAttribute(Type type, string methodName)
    {
        Type = type;
        MethodName = methodName;
    }

    /// <summary>The declaring type, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public Type? Type { get; }

    /// <summary>The method's name, when declared at assembly level; otherwise <see langword="null"/>.</summary>
    public string? MethodName { get; }
}
