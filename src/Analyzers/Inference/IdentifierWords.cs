using System.Collections.Generic;

namespace PiiGuard.Analyzers.Inference;

/// <summary>Splits identifiers into lower-case words: PascalCase, camelCase, snake_case, acronyms and digits.</summary>
internal static class IdentifierWords
{
    /// <summary><c>IPAddressLine2</c> → ip, address, line, 2; <c>m_dateOfBirth</c> → date, of, birth.</summary>
    public static IReadOnlyList<string> Split(string identifier)
    {
        var words = new List<string>();
        var text = StripFieldPrefix(identifier);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || !char.IsLetterOrDigit(text[i]))
            {
                Flush(i);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = text[i - 1];
            var current = text[i];
            var boundary =
                (char.IsLower(previous) && char.IsUpper(current))
                || (char.IsDigit(previous) != char.IsDigit(current))
                // The last capital of an acronym starts the next word: IPAddress → IP, Address.
                || (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < text.Length && char.IsLower(text[i + 1]));
            if (boundary)
            {
                Flush(i);
                start = i;
            }
        }

        return words;

        void Flush(int end)
        {
            if (start >= 0 && end > start)
            {
                words.Add(text.Substring(start, end - start).ToLowerInvariant());
            }

            start = -1;
        }
    }

    // Hungarian-style field prefixes name no word: m_email, s_phone, _dob.
    private static string StripFieldPrefix(string identifier) =>
        identifier.Length > 2 && identifier[1] == '_' && identifier[0] is 'm' or 's' or 't'
            ? identifier.Substring(2)
            : identifier;
}
