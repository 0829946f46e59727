using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The personal data a value holds: where it came from, its categories and the way it took. A
/// <em>carrier</em> is an object whose members hold the data (a <c>Customer</c>); otherwise the value is
/// the data itself (a string, a list of e-mail addresses). Objects built in the analysed method keep
/// their members apart, so a DTO filled with <c>Email</c> and <c>Source</c> carries Email only.
/// </summary>
internal sealed class PersonalData
{
    private const int MaxSources = 4;
    private const int MaxPathSteps = 4;

    private PersonalData(
        ImmutableArray<PersonalDataSource> sources, ImmutableArray<string> path, bool isCarrier, ImmutableDictionary<string, PersonalData>? members)
    {
        Sources = sources;
        Path = path;
        IsCarrier = isCarrier;
        Members = members;
        var categories = PiiCategorySet.Empty;
        foreach (var source in sources)
        {
            categories = categories.Union(source.Categories);
        }

        Categories = categories;
    }

    public ImmutableArray<PersonalDataSource> Sources { get; }

    public PiiCategorySet Categories { get; }

    /// <summary>The steps between source and sink ("local 'summary'", "SummaryBuilder.Describe(Customer)").</summary>
    public ImmutableArray<string> Path { get; }

    public bool IsCarrier { get; }

    /// <summary>The data of each member of an object built in the analysed code, by member name.</summary>
    public ImmutableDictionary<string, PersonalData>? Members { get; }

    public bool HasPlaceholders => Sources.Any(s => s.IsPlaceholder);

    /// <summary>
    /// An object built here that holds nothing (yet): unlike <see langword="null"/>, which says nothing is known, it keeps
    /// the value from being taken to hold every category its type can (a DTO built without its optional e-mail).
    /// </summary>
    public static PersonalData Nothing(bool isCarrier) =>
        new(ImmutableArray<PersonalDataSource>.Empty, ImmutableArray<string>.Empty, isCarrier, ImmutableDictionary<string, PersonalData>.Empty);

    /// <summary>Whether this is <see cref="Nothing"/>: an object built here that holds nothing.</summary>
    public bool IsNothing => Sources.IsEmpty && Members is { Count: 0 };

    public static PersonalData From(PersonalDataSource source, bool isCarrier = false) =>
        new(ImmutableArray.Create(source), ImmutableArray<string>.Empty, isCarrier, null);

    /// <summary>An object whose members hold the given data; <see langword="null"/> when none does.</summary>
    public static PersonalData? Object(ImmutableDictionary<string, PersonalData> members, bool isCarrier)
    {
        PersonalData? all = null;
        if (members.Count == 1)
        {
            foreach (var member in members)
            {
                all = member.Value;
            }
        }
        else
        {
            // In member-name order: a dictionary's own order follows string hashes, which differ between runs.
            var names = members.Keys.ToArray();
            System.Array.Sort(names, System.StringComparer.Ordinal);
            foreach (var name in names)
            {
                all = Merge(all, members[name]);
            }
        }

        return all is null ? null : new PersonalData(all.Sources, all.Path, isCarrier, members);
    }

    public static PersonalData? Merge(PersonalData? left, PersonalData? right)
    {
        if (left is null || ReferenceEquals(left, right))
        {
            return right;
        }

        if (right is null)
        {
            return left;
        }

        var sources = left.Sources;
        foreach (var source in right.Sources)
        {
            if (sources.Length < MaxSources && !sources.Contains(source))
            {
                sources = sources.Add(source);
            }
        }

        var members = left.Members is { } l && right.Members is { } r ? MergeMembers(l, r) : null;

        // Nothing new (the usual case at a join the fixed point has seen before): the same object, no allocation.
        if (ReferenceEquals(sources, left.Sources) && (!left.IsCarrier || right.IsCarrier) && ReferenceEquals(members, left.Members)
            && (!left.Path.IsEmpty || right.Path.IsEmpty))
        {
            return left;
        }

        return new PersonalData(sources, left.Path.IsEmpty ? right.Path : left.Path, left.IsCarrier && right.IsCarrier, members);
    }

    /// <summary>This data, having passed through <paramref name="step"/>.</summary>
    public PersonalData Through(string step) =>
        Path.Length >= MaxPathSteps || (Path.Length > 0 && Path[Path.Length - 1] == step)
            ? this
            : new PersonalData(Sources, Path.Add(step), IsCarrier, Members);

    /// <summary>The same data as a plain value: what printing or copying an object's contents yields.</summary>
    public PersonalData AsValue() => IsCarrier || Members is not null ? new PersonalData(Sources, Path, false, null) : this;

    /// <summary>
    /// This object with one member given <paramref name="value"/>: an object that held nothing but its members holds
    /// nothing once none of them holds anything (a record copied with its only personal member replaced).
    /// </summary>
    public PersonalData WithMember(string name, PersonalData? value)
    {
        var members = (Members ?? ImmutableDictionary<string, PersonalData>.Empty).Remove(name);
        if (value is not null)
        {
            members = members.SetItem(name, value);
        }

        return Object(members, IsCarrier) ?? (Members is not null && HoldsOnlyMembers() ? Nothing(IsCarrier) : new PersonalData(Sources, Path, IsCarrier, members));
    }

    /// <summary>Replaces the placeholders of a method summary by the data of the call's arguments.</summary>
    public PersonalData? Instantiate(System.Func<int, PersonalData?> argument, string step) => Instantiate(argument, step, IsCarrier);

    // An argument flows in whole into a carrier (an object holds the argument itself), as a plain value otherwise.
    private PersonalData? Instantiate(System.Func<int, PersonalData?> argument, string step, bool intoCarrier)
    {
        if (Members is { Count: > 0 } members && HoldsOnlyMembers())
        {
            // An object the callee built (the DTO a mapper returns) keeps its members apart for the caller too:
            // printing a record prints them, reading one member reads that one alone.
            var instantiated = ImmutableDictionary<string, PersonalData>.Empty;
            foreach (var member in members)
            {
                if (member.Value.Instantiate(argument, step, intoCarrier) is { } data)
                {
                    instantiated = instantiated.SetItem(member.Key, data);
                }
            }

            return Object(instantiated, IsCarrier);
        }

        PersonalData? result = null;
        var intrinsic = Sources.Where(s => !s.IsPlaceholder).ToImmutableArray();
        if (!intrinsic.IsEmpty)
        {
            result = new PersonalData(intrinsic, Path, IsCarrier, null).Through(step);
        }

        foreach (var placeholder in Sources.Where(s => s.IsPlaceholder))
        {
            if (argument(placeholder.Placeholder) is { } data)
            {
                var flowed = intoCarrier ? data : data.AsValue();
                result = Merge(result, flowed.Through(step));
            }
        }

        return result;
    }

    // Whether every source of the object is in one of its members: one merged with data beside its members
    // (a value assigned over it on one path) is instantiated whole, so that data is not lost.
    private bool HoldsOnlyMembers()
    {
        foreach (var source in Sources)
        {
            if (!Members!.Values.Any(member => member.Sources.Contains(source)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"Customer.Email (Email)", "Customer.Email (Email) and Customer.Name (Name)", "A, B and C".</summary>
    public string SourcesText
    {
        get
        {
            var names = Sources.Where(s => !s.IsPlaceholder).Select(s => s.ToString()).ToList();
            return names.Count <= 2 ? string.Join(" and ", names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
        }
    }

    /// <summary>Whether <see cref="SourcesText"/> names more than one source: the message's verb agrees with it.</summary>
    public bool HasSeveralSources => Sources.Count(s => !s.IsPlaceholder) > 1;

    /// <summary>" through local 'summary' and Describe(Customer)", or nothing for a direct read.</summary>
    public string PathSuffix => Path.IsDefaultOrEmpty ? string.Empty : " through " + string.Join(" and ", Path);

    /// <summary>The additional locations of a diagnostic: the sources' declarations that are in source.</summary>
    public ImmutableArray<Location> AdditionalLocations =>
        Sources.Where(s => !s.IsPlaceholder).Select(s => s.Location).OfType<Location>().ToImmutableArray();

    /// <summary>Equal for the fixed point of the body analysis: same sources, shape and members.</summary>
    public static bool SameFacts(PersonalData? left, PersonalData? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return left.IsCarrier == right.IsCarrier
            && left.Sources.Length == right.Sources.Length
            && left.Sources.All(right.Sources.Contains)
            && (left.Members?.Count ?? -1) == (right.Members?.Count ?? -1);
    }

    private static ImmutableDictionary<string, PersonalData> MergeMembers(
        ImmutableDictionary<string, PersonalData> left, ImmutableDictionary<string, PersonalData> right)
    {
        var merged = left;
        foreach (var member in right)
        {
            merged = merged.SetItem(member.Key, Merge(left.TryGetValue(member.Key, out var existing) ? existing : null, member.Value)!);
        }

        return merged;
    }
}
