using System.Security.Cryptography;
using System.Text;
using DealerPortal.Models;
using Microsoft.Extensions.Logging;

namespace DealerPortal.Services;

public sealed class TestDriveService(ILogger<TestDriveService> logger, AuditTrail audit)
{
    public void Book(SalesEnquiry enquiry, Vehicle vehicle, DateTime slot)
    {
        // PII002: the prospect's name travels through the local into the log.
        var summary = $"Test drive for {enquiry.Name} in a {vehicle.Model} at {slot:g}";
        logger.LogInformation(summary);

        // PII002: the helper builds "name (phone)" and the audit trail logs it.
        audit.Record(Describe(enquiry));

        // PII002: an anonymous object prints every member it holds.
        var contact = new { enquiry.Name, enquiry.Email };
        logger.LogInformation("Reminder contact {Contact}", contact);

        // Fine: the audit entry names the enquiry by its key.
        audit.Record($"Booked slot {slot:g} for enquiry {enquiry.Id}");

        // Fine: a hash of the address lets support match bookings without seeing it.
        var emailHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(enquiry.Email)));
        logger.LogInformation("Booking for {EmailHash}", emailHash);
    }

    private static string Describe(SalesEnquiry enquiry) => $"{enquiry.Name} ({enquiry.PhoneNumber})";
}
