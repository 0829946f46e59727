using Microsoft.Extensions.Logging;

namespace DealerPortal.Services;

// The compliance team's audit trail: a thin wrapper, so whatever it records lands in the log store.
public sealed class AuditTrail(ILogger<AuditTrail> logger)
{
    public void Record(string entry) => logger.LogInformation("Audit: {Entry}", entry);
}
