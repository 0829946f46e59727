using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Inference;

/// <summary>
/// The curated dictionary behind PII100 and <c>piiguard.treat_inferred_as_pii</c>: which identifier words name
/// personal data, and of which category. Matched on whole words, with the compound's head last, so
/// <c>CustomerEmail</c> is an email but <c>EmailSentCount</c> (a count) and <c>EmailTemplateId</c> (an id) are not.
/// docs/name-inference.md publishes this table; a test keeps the two in step.
/// </summary>
internal static class PersonalDataNames
{
    // Words that may follow the personal word and keep its meaning: EmailAddress, PhoneNumbers, AddressLine1.
    private static readonly ImmutableHashSet<string> s_neutralAfter = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "address", "number", "no", "nr", "num", "value", "text", "str", "string", "raw", "line", "primary", "secondary",
        "main", "alt", "alternative", "alternate", "home", "work", "personal", "private", "plain", "original",
        "normalized", "normalised", "formatted", "digits", "input", "entered", "provided", "list");

    // Words that, anywhere in the name, say the value is not the personal data itself: a hash, a mask, a format, a flag.
    private static readonly ImmutableHashSet<string> s_stopWords = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "is", "has", "can", "should", "allow", "allows", "enable", "enabled", "disable", "use", "uses", "require", "required", "requires",
        "hash", "hashed", "mask", "masked", "encrypted", "redacted", "pseudonymised", "pseudonymized", "anonymised", "anonymized",
        "token", "tokenized", "tokenised", "salt", "regex", "pattern", "format", "validator", "validation", "template",
        "default", "example", "sample", "placeholder", "dummy", "fake", "support", "noreply", "max", "min", "maximum", "minimum",
        "count", "length", "type", "kind", "status", "state", "header", "column", "label", "hint", "policy", "options",
        "settings", "config", "configuration", "provider", "service", "sent", "confirmed", "verified", "changed",
        "updated", "enabled", "visible", "field", "property", "attribute", "prefix", "suffix", "separator", "check", "checks", "url", "uri", "path");

    // The persons whose bare Name is a person's name: Customer.Name, ContactName, DriverName.
    private static readonly ImmutableHashSet<string> s_persons = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "customer", "contact", "person", "patient", "employee", "driver", "owner", "holder", "cardholder", "buyer", "tenant",
        "applicant", "guardian", "spouse", "user", "lead", "prospect", "recipient", "beneficiary", "passenger", "student",
        "citizen", "consumer", "subscriber", "keeper", "enquirer", "claimant", "witness", "parent");

    // Types whose members describe a person, so their bare Name, Address or City is personal: Customer, ContactDto, EnquiryForm.
    private static readonly ImmutableHashSet<string> s_personTypes = s_persons.Union(new[] { "address", "profile", "identity", "enquiry", "inquiry" });

    // Words before "address" that make it postal; any other (server, ip, base, email…) does not.
    private static readonly ImmutableHashSet<string> s_postal = s_persons.Union(new[]
    {
        "home", "billing", "shipping", "delivery", "postal", "residential", "mailing", "street", "correspondence",
        "invoice", "invoicing", "permanent", "current", "previous", "registered", "physical", "legal", "main", "primary",
    });

    private static readonly ImmutableHashSet<string> s_vehicle = ImmutableHashSet.Create(StringComparer.Ordinal, "vehicle", "car", "van", "plate");

    /// <summary>The dictionary, in the order docs/name-inference.md shows it.</summary>
    public static ImmutableArray<Term> Terms { get; } = ImmutableArray.Create(
        Term.Of("Name", ValueShape.Text, "first name", "firstname", "forename", "given name", "last name", "lastname", "surname",
            "family name", "middle name", "maiden name", "full name", "fullname", "birth name"),
        Term.Of("Name", ValueShape.Text, "name").After(s_persons, orOnPersonType: true),
        Term.Of("Email", ValueShape.Text, "email", "e mail", "mail address", "email address", "emailaddress"),
        Term.Of("PhoneNumber", ValueShape.Text | ValueShape.Integer, "phone", "telephone", "tel", "mobile", "cell phone", "cellphone",
            "msisdn", "fax", "landline", "phonenumber", "mobilenumber"),
        Term.Of("PostalAddress", ValueShape.Text, "postcode", "post code", "postal code", "postalcode", "zip", "zip code", "zipcode",
            "address line", "addressline", "street", "street address", "house number", "house name"),
        Term.Of("PostalAddress", ValueShape.Text, "address", "city", "town").After(s_postal, orOnPersonType: true),
        Term.Of("DateOfBirth", ValueShape.Text | ValueShape.Date, "dob", "date of birth", "dateofbirth", "birth date", "birthdate", "birthday",
            "born on"),
        Term.Of("DateOfBirth", ValueShape.Text | ValueShape.Integer, "birth year", "year of birth"),
        Term.Of("Gender", ValueShape.Text | ValueShape.Category, "gender", "sex"),
        Term.Of("NationalIdentifier", ValueShape.Text | ValueShape.Integer, "ssn", "social security number", "social security",
            "ni number", "nino", "national insurance", "national insurance number", "national id", "national identifier",
            "national identity number", "passport", "passport number", "driving licence", "driving license", "driver licence",
            "driver license", "drivers license", "drivers licence", "tax id", "tax identification number", "personal id number"),
        Term.Of("VehicleIdentificationNumber", ValueShape.Text, "vin", "vehicle identification number", "chassis number"),
        Term.Of("VehicleRegistration", ValueShape.Text, "number plate", "licence plate", "license plate", "plate number",
            "registration number", "registration plate", "reg number", "reg no", "regno", "vrm"),
        Term.Of("VehicleRegistration", ValueShape.Text, "registration", "reg").After(s_vehicle, orOnPersonType: false, orFirst: true),
        Term.Of("IpAddress", ValueShape.Text | ValueShape.IpAddress, "ip", "ip address", "ipaddress", "ipv4", "ipv6", "remote ip", "client ip"),
        Term.Of("DeviceIdentifier", ValueShape.Text, "imei", "imsi", "idfa", "gaid", "advertising id", "mac address", "device serial"),
        Term.Of("OnlineIdentifier", ValueShape.Text, "username", "user name", "login name", "screen name", "nickname", "social handle"),
        Term.Of("PreciseLocation", ValueShape.Text | ValueShape.Coordinate, "latitude", "longitude", "lat", "lng", "lon", "geo location",
            "geolocation", "gps", "coordinates", "geo coordinates"),
        Term.Of("FinancialAccount", ValueShape.Text | ValueShape.Integer, "iban", "account number", "bank account", "bank account number",
            "sort code", "routing number", "account no"),
        Term.Of("PaymentCard", ValueShape.Text | ValueShape.Integer, "card number", "credit card", "credit card number", "debit card",
            "pan", "primary account number", "cvv", "cvc", "card verification code"),
        Term.Of("Credential", ValueShape.Text | ValueShape.Bytes, "password", "passwd", "pwd", "passphrase", "secret", "pin", "pin code",
            "security answer", "memorable word"),
        Term.Of("Health", ValueShape.Text | ValueShape.Category, "health").After(s_persons, orOnPersonType: true),
        Term.Of("Health", ValueShape.Text | ValueShape.Category, "health condition", "health data", "health record", "diagnosis", "medical condition", "medical history",
            "medical record", "medication", "prescription", "allergy", "allergies", "disability", "blood type", "blood group"),
        Term.Of("Biometric", ValueShape.Text | ValueShape.Bytes, "fingerprint", "biometric", "biometrics", "face template", "faceprint",
            "voiceprint", "iris scan", "retina scan"),
        Term.Of("Genetic", ValueShape.Text | ValueShape.Bytes, "dna", "genome", "genotype", "genetic data", "genetic test"),
        Term.Of("RacialOrEthnicOrigin", ValueShape.Text | ValueShape.Category, "ethnicity", "ethnic origin", "ethnic group",
            "racial origin"),
        Term.Of("RacialOrEthnicOrigin", ValueShape.Text | ValueShape.Category, "race").After(s_persons, orOnPersonType: true),
        Term.Of("PoliticalOpinion", ValueShape.Text | ValueShape.Category, "political opinion", "political party", "political affiliation",
            "political view", "political views"),
        Term.Of("ReligiousOrPhilosophicalBelief", ValueShape.Text | ValueShape.Category, "religion", "religious belief", "faith",
            "philosophical belief"),
        Term.Of("TradeUnionMembership", ValueShape.Text | ValueShape.Category, "trade union", "union membership", "union member"),
        Term.Of("SexLifeOrSexualOrientation", ValueShape.Text | ValueShape.Category, "sexual orientation", "sexuality", "sex life"),
        Term.Of("CriminalOffence", ValueShape.Text | ValueShape.Category, "criminal record", "criminal history", "conviction",
            "convictions", "offence", "offense", "offences", "offenses"));

    // The phrases by their first word, each list in dictionary order (longest phrases first, so "ip address" wins
    // over "address" at the same place): a name's word is looked up, not compared with every phrase.
    private static readonly Dictionary<string, (string[] Words, Term Term, int Order)[]> s_phrasesByFirstWord =
        Terms.SelectMany(term => term.Phrases.Select(phrase => (Words: phrase.Split(' '), Term: term)))
            .OrderByDescending(entry => entry.Words.Length)
            .Select((entry, order) => (entry.Words, entry.Term, Order: order))
            .GroupBy(entry => entry.Words[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// The term an identifier names, with the shapes its value may take; <see langword="null"/> when it names none.
    /// The head of a compound is its last word, so the search runs from the right and every word after the
    /// match must keep its meaning.
    /// </summary>
    public static Term? Match(string identifier, bool onPersonType)
    {
        var words = IdentifierWords.Split(identifier);
        if (words.Count == 0 || words.Any(s_stopWords.Contains))
        {
            return null;
        }

        // Of the phrases found, the one ending last is the head; of those, the one starting first (the longest:
        // starts are tried in order, so a later start never beats an earlier one at the same end), and of phrases
        // at the same place, the first in the dictionary.
        Term? best = null;
        var (bestEnd, bestStart, bestOrder) = (-1, int.MaxValue, int.MaxValue);
        for (var start = 0; start < words.Count; start++)
        {
            // Plurals name the same thing (Emails, Addresses): the word, and the word less "s" or "es".
            var word = words[start];
            for (var cut = 0; cut <= 2; cut++)
            {
                if (cut > 0 && !(word.Length > cut && word.EndsWith(cut == 1 ? "s" : "es", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (!s_phrasesByFirstWord.TryGetValue(cut == 0 ? word : word.Substring(0, word.Length - cut), out var phrases))
                {
                    continue;
                }

                foreach (var (phrase, term, order) in phrases)
                {
                    var end = start + phrase.Length;
                    if ((end > bestEnd || (end == bestEnd && start == bestStart && order < bestOrder))
                        && IsAt(words, start, phrase)
                        && AllNeutral(words, end)
                        && term.AllowsBefore(start == 0 ? null : words[start - 1], onPersonType))
                    {
                        (best, bestEnd, bestStart, bestOrder) = (term, end, start, order);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>Whether a type's name says its instances are persons (or their contact details): Customer, ContactDto, HomeAddress.</summary>
    public static bool IsPersonType(string typeName)
    {
        foreach (var word in IdentifierWords.Split(typeName))
        {
            if (s_personTypes.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAt(IReadOnlyList<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            if (!SameWord(words[start + i], phrase[i]))
            {
                return false;
            }
        }

        return true;
    }

    // Plurals name the same thing: Emails, Addresses, PhoneNumbers.
    private static bool SameWord(string word, string dictionaryWord) =>
        word == dictionaryWord
        || (word.Length == dictionaryWord.Length + 1 && word[word.Length - 1] == 's' && word.StartsWith(dictionaryWord, StringComparison.Ordinal))
        || (word.Length == dictionaryWord.Length + 2 && word.EndsWith("es", StringComparison.Ordinal) && word.StartsWith(dictionaryWord, StringComparison.Ordinal));

    private static bool AllNeutral(IReadOnlyList<string> words, int from)
    {
        for (var i = from; i < words.Count; i++)
        {
            if (!s_neutralAfter.Contains(words[i]) && !char.IsDigit(words[i][0]) && !(words[i].EndsWith("s", StringComparison.Ordinal) && s_neutralAfter.Contains(words[i].Substring(0, words[i].Length - 1))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One dictionary line: the phrases that name a category, and the shapes a value of it can take.</summary>
    internal sealed class Term
    {
        private ImmutableHashSet<string>? _allowedBefore;
        private bool _orOnPersonType;
        private bool _orFirst;

        private Term(string category, ValueShape shapes, ImmutableArray<string> phrases)
        {
            Category = category;
            CategoryIndex = IndexOf(category);
            Shapes = shapes;
            Phrases = phrases;
        }

        /// <summary>The PiiCategory member's name.</summary>
        public string Category { get; }

        public int CategoryIndex { get; }

        public ValueShape Shapes { get; }

        /// <summary>The phrases, lower case, words separated by one space.</summary>
        public ImmutableArray<string> Phrases { get; }

        /// <summary>The words one of which must come just before the phrase, when a bare word is too common alone.</summary>
        public IEnumerable<string>? RequiredBefore => _allowedBefore;

        /// <summary>Whether the phrase may also start the name (<c>Registration</c>, <c>RegNo</c>).</summary>
        public bool AlsoFirst => _orFirst;

        /// <summary>Whether the phrase may also start the name of a member of a person type (<c>Customer.Name</c>).</summary>
        public bool AlsoFirstOnPersonType => _orOnPersonType;

        public static Term Of(string category, ValueShape shapes, params string[] phrases) => new(category, shapes, phrases.ToImmutableArray());

        public Term After(ImmutableHashSet<string> words, bool orOnPersonType, bool orFirst = false)
        {
            _allowedBefore = words;
            _orOnPersonType = orOnPersonType;
            _orFirst = orFirst;
            return this;
        }

        public bool AllowsBefore(string? previous, bool onPersonType) =>
            _allowedBefore is null
            || (previous is not null && _allowedBefore.Contains(previous))
            || (previous is null && (_orFirst || (_orOnPersonType && onPersonType)));

        private static int IndexOf(string category)
        {
            for (var i = 0; i < PiiCategorySet.Names.Count; i++)
            {
                if (PiiCategorySet.Names[i] == category)
                {
                    return i;
                }
            }

            throw new ArgumentException($"'{category}' is not a PiiCategory", nameof(category));
        }
    }
}
