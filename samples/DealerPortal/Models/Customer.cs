using PiiGuard;

namespace DealerPortal.Models;

// Someone who has bought from the dealership.
public sealed class Customer
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    [Pii(PiiCategory.Name)]
    public required string FullName { get; init; }

    [Pii(PiiCategory.Email)]
    public required string Email { get; init; }

    [Pii(PiiCategory.PhoneNumber)]
    public required string PhoneNumber { get; init; }

    [Pii(PiiCategory.PostalAddress)]
    public required string PostalAddress { get; init; }

    [Pii(PiiCategory.DateOfBirth)]
    public DateOnly DateOfBirth { get; init; }

    [Pii(PiiCategory.Gender)]
    public Gender Gender { get; init; }

    public List<Vehicle> Vehicles { get; } = new();
}
