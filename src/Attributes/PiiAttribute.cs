using System;

namespace PiiGuard;

/// <summary>
/// Marks a member, parameter or return value as holding personal data of a category; on a type,
/// marks every value of that type as personal data. PiiGuard follows such data through the code and
/// reports where it reaches a log, unencrypted storage or a processor not permitted to receive it.
/// </summary>
/// <example>
/// <code>
/// public sealed class Customer
/// {
///     [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
///     [Pii(PiiCategory.DateOfBirth)] public DateOnly DateOfBirth { get; set; }
/// }
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
    AttributeTargets.Class | AttributeTargets.Struct,
    AllowMultiple = true,
    Inherited = true)]
public sealed class PiiAttribute : Attribute
{
    /// <summary>Marks the target as personal data of <paramref name="category"/>.</summary>
    /// <param name="category">The kind of personal data; apply the attribute again for more than one.</param>
    public PiiAttribute(PiiCategory category) => Category = category;

    /// <summary>The kind of personal data the target holds.</summary>
    public PiiCategory Category { get; }
}
