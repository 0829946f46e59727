using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Options;

/// <summary>
/// PiiGuard's <c>.editorconfig</c> / <c>.globalconfig</c> keys, read into typed values. A bad value is
/// ignored (the default applies) and reported as PII101 by <see cref="Rules.MisconfigurationAnalyzer"/>.
/// </summary>
internal static class PiiGuardOptions
{
    /// <summary>Which categories storage must encrypt: <c>all</c> (default) or a comma-separated list of PiiCategory names.</summary>
    public const string StorageEncryptCategories = "piiguard.storage.encrypt_categories";

    /// <summary>Whether members named like personal data (PII100) count as personal data for the flow rules: <c>false</c> (default) or <c>true</c>.</summary>
    public const string TreatInferredAsPiiKey = "piiguard.treat_inferred_as_pii";

    /// <summary>Every key PiiGuard reads; any other <c>piiguard.*</c> key is a typo and reported.</summary>
    public static readonly IReadOnlyList<string> Keys = new[] { TreatInferredAsPiiKey, StorageEncryptCategories };

    private static readonly ConcurrentDictionary<string, (PiiCategorySet Categories, string? Error)> s_parsed = new(StringComparer.Ordinal);

    /// <summary>The categories storage must encrypt for files under these options.</summary>
    public static PiiCategorySet StorageCategories(AnalyzerConfigOptions options) =>
        options.TryGetValue(StorageEncryptCategories, out var value) && ParseCategories(value) is { Error: null } parsed
            ? parsed.Categories
            : PiiCategorySet.All;

    /// <summary>Whether members named like personal data are personal data for the files under these options.</summary>
    public static bool TreatInferredAsPii(AnalyzerConfigOptions options) =>
        options.TryGetValue(TreatInferredAsPiiKey, out var value) && ParseBoolean(value) == true;

    private const string Prefix = "piiguard.";

    /// <summary>What is wrong with the options: unknown <c>piiguard.*</c> keys and bad values.</summary>
    public static IEnumerable<string> Problems(AnalyzerConfigOptions options)
    {
        foreach (var key in options.Keys)
        {
            if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !IsKnown(key))
            {
                yield return $"'{key}' is not a PiiGuard option (known: {string.Join(", ", Keys)}); it is ignored";
            }
        }

        if (options.TryGetValue(TreatInferredAsPiiKey, out var flag) && ParseBoolean(flag) is null)
        {
            yield return $"{TreatInferredAsPiiKey} = {flag}: expected true or false; false is used instead";
        }

        if (options.TryGetValue(StorageEncryptCategories, out var categories) && ParseCategories(categories).Error is { } error)
        {
            yield return $"{StorageEncryptCategories} = {categories}: {error}; all categories are used instead";
        }
    }

    public static AnalyzerConfigOptions For(AnalyzerOptions options, SyntaxTree tree) =>
        options.AnalyzerConfigOptionsProvider.GetOptions(tree);

    private static bool IsKnown(string key)
    {
        foreach (var known in Keys)
        {
            if (string.Equals(key, known, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool? ParseBoolean(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static (PiiCategorySet Categories, string? Error) ParseCategories(string value) =>
        s_parsed.GetOrAdd(value, static text =>
        {
            if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                return (PiiCategorySet.All, null);
            }

            var categories = PiiCategorySet.Empty;
            foreach (var part in text.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var index = IndexOf(part);
                if (index < 0)
                {
                    return (PiiCategorySet.All, $"'{part}' is not a PiiCategory");
                }

                categories = categories.Union(PiiCategorySet.Of(index));
            }

            return categories.IsEmpty ? (PiiCategorySet.All, "no category is named") : (categories, null);
        });

    private static int IndexOf(string name)
    {
        for (var i = 0; i < PiiCategorySet.Names.Count; i++)
        {
            if (string.Equals(PiiCategorySet.Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
