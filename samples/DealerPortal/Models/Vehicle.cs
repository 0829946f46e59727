using PiiGuard;

namespace DealerPortal.Models;

// A vehicle a customer owns. Its VIN and registration identify the keeper, so they are personal data;
// make and model alone are not.
public sealed class Vehicle
{
    public required string Make { get; init; }

    public required string Model { get; init; }

    public int Year { get; init; }

    [Pii(PiiCategory.VehicleIdentificationNumber)]
    public required string Vin { get; init; }

    [Pii(PiiCategory.VehicleRegistration)]
    public required string Registration { get; init; }
}
