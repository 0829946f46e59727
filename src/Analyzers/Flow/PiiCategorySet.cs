using System.Collections.Generic;
using System.Text;

namespace PiiGuard.Analyzers.Flow;

/// <summary>A set of <c>PiiGuard.PiiCategory</c> values, one bit each, printed in the enum's order.</summary>
internal readonly struct PiiCategorySet : System.IEquatable<PiiCategorySet>
{
    /// <summary>The members of <c>PiiGuard.PiiCategory</c> by value; a meta-test keeps it in step with the enum.</summary>
    public static readonly IReadOnlyList<string> Names = new[]
    {
        "Name", "Email", "PhoneNumber", "PostalAddress", "DateOfBirth", "Gender",
        "NationalIdentifier", "VehicleIdentificationNumber", "VehicleRegistration",
        "IpAddress", "DeviceIdentifier", "OnlineIdentifier", "PreciseLocation",
        "FinancialAccount", "PaymentCard", "Credential",
        "Health", "Biometric", "Genetic", "RacialOrEthnicOrigin", "PoliticalOpinion",
        "ReligiousOrPhilosophicalBelief", "TradeUnionMembership",
        "SexLifeOrSexualOrientation", "CriminalOffence", "Other",
    };

    public const int OtherIndex = 25;

    private readonly ulong _bits;

    private PiiCategorySet(ulong bits) => _bits = bits;

    public static PiiCategorySet Empty => default;

    public static PiiCategorySet All => new((1UL << Names.Count) - 1);

    public bool Overlaps(PiiCategorySet other) => (_bits & other._bits) != 0;

    public bool IsEmpty => _bits == 0;

    /// <summary>The category with the given enum value; a value this version does not know counts as Other.</summary>
    public static PiiCategorySet Of(int value) =>
        new(1UL << (value >= 0 && value < Names.Count ? value : OtherIndex));

    public PiiCategorySet Union(PiiCategorySet other) => new(_bits | other._bits);

    public PiiCategorySet Except(PiiCategorySet other) => new(_bits & ~other._bits);

    public bool Equals(PiiCategorySet other) => _bits == other._bits;

    public override bool Equals(object? obj) => obj is PiiCategorySet other && Equals(other);

    public override int GetHashCode() => _bits.GetHashCode();

    /// <summary>"Email, DateOfBirth": the categories in the enum's order.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Names.Count; i++)
        {
            if ((_bits & (1UL << i)) != 0)
            {
                if (text.Length > 0)
                {
                    text.Append(", ");
                }

                text.Append(Names[i]);
            }
        }

        return text.ToString();
    }
}
