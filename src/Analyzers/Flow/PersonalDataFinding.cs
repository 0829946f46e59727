using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>Personal data found in a value that reaches a sink: its source and the way it took.</summary>
internal sealed class PersonalDataFinding
{
    public PersonalDataFinding(PersonalDataSource source, ImmutableArray<string> path)
    {
        Source = source;
        Path = path;
    }

    public PersonalDataSource Source { get; }

    /// <summary>The steps between source and sink ("local 'summary'", "SummaryBuilder.Describe(Customer)"); empty for a direct read.</summary>
    public ImmutableArray<string> Path { get; }

    /// <summary>" through local 'summary' and Describe(Customer)", or nothing for a direct read.</summary>
    public string PathSuffix => Path.IsDefaultOrEmpty ? string.Empty : " through " + string.Join(" and ", Path);

    /// <summary>The additional locations of a diagnostic: the source's declaration, when it is in source.</summary>
    public ImmutableArray<Location> AdditionalLocations =>
        Source.Location is { } location ? ImmutableArray.Create(location) : ImmutableArray<Location>.Empty;
}
