using PiiGuard;

namespace DealerPortal.Models;

public sealed class Dealership
{
    public required string TradingName { get; init; }

    // The dealership's own shared mailbox, not a person's address.
    [NotPii]
    public required string SupportEmail { get; init; }
}
