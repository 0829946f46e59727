using System;

namespace PiiGuard;

/// <summary>
/// Declares that the storage layer encrypts this member at rest (for instance through an EF Core value
/// converter), so the ORM entity rule of PII003 accepts it. The value in memory is still plain text:
/// writing it to a file, a log or a processor is still reported.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class EncryptedAttribute : Attribute
{
    /// <summary>Declares that the storage layer encrypts the attributed member at rest.</summary>
    public EncryptedAttribute()
    {
    }
}
