using System.Collections.Generic;

namespace PiiGuard.Cli.DataMap;

/// <summary>
/// One category of personal data a destination receives, and where in the code. <see cref="Permitted"/>
/// says, for a processor, whether its data processing agreement covers the category; it is null elsewhere.
/// </summary>
internal sealed record MappedCategory(string Category, bool? Permitted, IReadOnlyList<CodeLocation> Locations)
{
    /// <summary>"Art. 9" for the GDPR's special categories, "Art. 10" for criminal offence data, else null.</summary>
    public string? SpecialArticle => GdprCategories.SpecialArticle(Category);
}
