using System;
using System.Diagnostics.CodeAnalysis;

namespace PiiGuard;

/// <summary>
/// Masks personal data for logs and messages. The code fixes of PiiGuard insert it.
/// </summary>
/// <example>
/// <code>
/// logger.LogInformation("Enquiry from {Email}", PiiMask.Mask(customer.Email));   // "Enquiry from ***"
/// logger.LogInformation("Enquiry from {Email}", PiiMask.Mask(customer.Email, 2)); // "Enquiry from jo***"
/// </code>
/// </example>
public static class PiiMask
{
    /// <summary>The text that stands for the hidden part of a value.</summary>
    public const string Placeholder = "***";

    /// <summary>
    /// Returns <see cref="Placeholder"/> for any non-empty value, optionally after its first
    /// <paramref name="visibleCharacters"/> characters. The length of the value is not revealed, and
    /// never more than a third of it is shown, so a short value is never printed whole.
    /// </summary>
    /// <param name="value">The personal data.</param>
    /// <param name="visibleCharacters">How many leading characters to keep (for support staff to tell values apart).</param>
    /// <returns><see langword="null"/> for <see langword="null"/>, the empty string for the empty string, otherwise the masked text.</returns>
    [Redacts]
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Mask(string? value, int visibleCharacters = 0)
    {
        if (value is null || value.Length == 0)
        {
            return value;
        }

        if (visibleCharacters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(visibleCharacters), visibleCharacters, "The number of visible characters cannot be negative.");
        }

        var shown = Math.Min(visibleCharacters, value.Length / 3);
        return shown == 0 ? Placeholder : value.Substring(0, shown) + Placeholder;
    }

    /// <summary>
    /// Masks a value of any type (a date of birth, an enum, a value object) by masking its text.
    /// </summary>
    /// <param name="value">The personal data.</param>
    /// <returns><see langword="null"/> for <see langword="null"/>, otherwise <see cref="Placeholder"/>.</returns>
    [Redacts]
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Mask(object? value) => value is null ? null : Mask(value.ToString());
}
