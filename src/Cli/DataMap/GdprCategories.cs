using System.Collections.Generic;

namespace PiiGuard.Cli.DataMap;

/// <summary>The categories the GDPR protects specially, as <c>PiiGuard.PiiCategory</c> documents them.</summary>
internal static class GdprCategories
{
    private static readonly HashSet<string> s_article9 = new()
    {
        "Health", "Biometric", "Genetic", "RacialOrEthnicOrigin", "PoliticalOpinion",
        "ReligiousOrPhilosophicalBelief", "TradeUnionMembership", "SexLifeOrSexualOrientation",
    };

    public static string? SpecialArticle(string category) =>
        s_article9.Contains(category) ? "Art. 9" : category == "CriminalOffence" ? "Art. 10" : null;
}
