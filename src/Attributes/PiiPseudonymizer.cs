using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace PiiGuard;

/// <summary>
/// Replaces personal data by a keyed hash (HMAC-SHA256): the same value under the same key always gives
/// the same pseudonym, so records can still be joined, but the value cannot be recovered or guessed
/// without the key (GDPR Art. 4(5) pseudonymisation). Keep the key out of the data it protects.
/// </summary>
/// <example>
/// <code>
/// var pseudonymizer = new PiiPseudonymizer(keyFromVault);
/// analytics.Track(pseudonymizer.Pseudonymize(customer.Email));
/// </code>
/// </example>
public sealed class PiiPseudonymizer
{
    /// <summary>The shortest key accepted, in bytes: the HMAC-SHA256 output size.</summary>
    public const int MinimumKeyLength = 32;

    private static PiiPseudonymizer? s_shared;

    private readonly byte[] _key;

    /// <summary>Creates a pseudonymiser with a secret key of at least <see cref="MinimumKeyLength"/> bytes.</summary>
    /// <param name="key">The secret key; it is copied.</param>
    public PiiPseudonymizer(byte[] key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The key must be at least {MinimumKeyLength} bytes long.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Returns the pseudonym of <paramref name="value"/>: 64 lower-case hexadecimal digits.</summary>
    /// <param name="value">The personal data.</param>
    /// <returns><see langword="null"/> for <see langword="null"/>, otherwise the keyed hash of the value's UTF-8 bytes.</returns>
    [Redacts]
    [return: NotNullIfNotNull(nameof(value))]
    public string? Pseudonymize(string? value) => value is null ? null : Pseudonymize(value, _key);

    /// <summary>Returns the pseudonym of a value that is not a string (a date, a number), from its invariant-culture text.</summary>
    /// <param name="value">The personal data.</param>
    /// <returns><see langword="null"/> for <see langword="null"/>, otherwise the keyed hash of the value's text.</returns>
    [Redacts]
    [return: NotNullIfNotNull(nameof(value))]
    public string? Pseudonymize(object? value) =>
        value is null ? null : Pseudonymize(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, _key);

    /// <summary>
    /// The process-wide pseudonymiser that PiiGuard's code fixes call, set once at start-up by
    /// <see cref="ConfigureShared"/> with a key from your secret store.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="ConfigureShared"/> has not been called.</exception>
    public static PiiPseudonymizer Shared =>
        Volatile.Read(ref s_shared)
        ?? throw new InvalidOperationException(
            "PiiPseudonymizer.Shared is not configured: call PiiPseudonymizer.ConfigureShared(key) at start-up with a secret key of at least 32 bytes.");

    /// <summary>Sets the key of <see cref="Shared"/>; call it once at start-up, before any pseudonym is made.</summary>
    /// <param name="key">The secret key, at least <see cref="MinimumKeyLength"/> bytes; it is copied.</param>
    public static void ConfigureShared(byte[] key) => Volatile.Write(ref s_shared, new PiiPseudonymizer(key));

    /// <summary>Returns the pseudonym of <paramref name="value"/> under <paramref name="key"/>: 64 lower-case hexadecimal digits.</summary>
    /// <param name="value">The personal data.</param>
    /// <param name="key">The secret key, at least <see cref="MinimumKeyLength"/> bytes.</param>
    /// <returns>The keyed hash of the value's UTF-8 bytes.</returns>
    [Redacts]
    public static string Pseudonymize(string value, byte[] key)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if (key is null || key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The key must be at least {MinimumKeyLength} bytes long.", nameof(key));
        }

        using var hmac = new HMACSHA256(key);
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(value));
        var hex = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }
}
