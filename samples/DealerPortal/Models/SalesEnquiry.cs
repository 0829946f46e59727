using PiiGuard;

namespace DealerPortal.Models;

// An enquiry from a prospect who may never buy. Their details are personal data all the same:
// the 2025 processor breach leaked people who had only made an enquiry.
public sealed class SalesEnquiry
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    // Where the lead came from: "Website", "Showroom", "Phone".
    public required string Source { get; init; }

    // The model the prospect is interested in.
    public required string Model { get; init; }

    [Pii(PiiCategory.Name)]
    public required string Name { get; init; }

    [Pii(PiiCategory.Email)]
    public required string Email { get; init; }

    [Pii(PiiCategory.PhoneNumber)]
    public string? PhoneNumber { get; init; }

    [Pii(PiiCategory.PostalAddress)]
    public string? PostalAddress { get; init; }

    // Asked for finance quotes only.
    [Pii(PiiCategory.DateOfBirth)]
    public DateOnly? DateOfBirth { get; init; }

    // Used for the salutation in follow-up letters.
    [Pii(PiiCategory.Gender)]
    public Gender Gender { get; init; }

    // The prospect's current car, for a part-exchange valuation.
    [Pii(PiiCategory.VehicleIdentificationNumber)]
    public string? PartExchangeVin { get; init; }

    [Pii(PiiCategory.VehicleRegistration)]
    public string? PartExchangeRegistration { get; init; }

    public bool MarketingOptIn { get; init; }
}
