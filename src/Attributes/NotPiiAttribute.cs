using System;

namespace PiiGuard;

/// <summary>
/// Declares that a member is not personal data, whatever its name suggests
/// (for instance <c>SupportEmail</c> holding the dealership's own address). Silences PII100.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class NotPiiAttribute : Attribute
{
    /// <summary>Declares the attributed member not personal data.</summary>
    public NotPiiAttribute()
    {
    }
}
