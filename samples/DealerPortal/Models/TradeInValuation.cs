namespace DealerPortal.Models;

// A part-exchange valuation imported from the old valuation system, not annotated yet: PII100 suggests
// the markings (run `dotnet format analyzers --diagnostics PII100 --severity info` to apply them all).
public sealed class TradeInValuation
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public string OwnerName { get; set; } = "";

    public string OwnerEmail { get; set; } = "";

    public string? MobileNumber { get; set; }

    public string Postcode { get; set; } = "";

    public string Registration { get; set; } = "";

    public string Vin { get; set; } = "";

    public int Mileage { get; set; }

    public decimal OfferedPrice { get; set; }

    // Not personal, whatever their names say: counters, flags and template ids stay silent.
    public int EmailSentCount { get; set; }

    public bool IsEmailConfirmed { get; set; }

    public string EmailTemplateId { get; set; } = "trade-in-offer";

    public List<string> PhoneCountryCodeList { get; } = new() { "+44" };
}
