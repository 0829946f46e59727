using DealerPortal.Models;
using DealerPortal.Processors;
using Microsoft.Extensions.Logging;
using PiiGuard;

namespace DealerPortal.Services;

public sealed class EnquiryService
{
    private const string NewsletterAudience = "new-model-launches";

    private readonly ILogger<EnquiryService> _logger;
    private readonly IMarketingPlatformClient _marketing;
    private readonly List<SalesEnquiry> _enquiries = new();
    private readonly List<Customer> _customers = new();

    public EnquiryService(ILogger<EnquiryService> logger, IMarketingPlatformClient marketing)
    {
        _logger = logger;
        _marketing = marketing;
    }

    public IReadOnlyList<SalesEnquiry> Enquiries => _enquiries;

    public IReadOnlyList<Customer> Customers => _customers;

    public async Task SubmitAsync(SalesEnquiry enquiry, CancellationToken cancellationToken = default)
    {
        _enquiries.Add(enquiry);

        // PII002 (x2): the prospect's email and their car's VIN end up in the log store.
        _logger.LogInformation("New enquiry from {Email} with part-exchange {Vin}", enquiry.Email, enquiry.PartExchangeVin);

        // Fine: the enquiry's key, channel and model of interest identify nobody.
        _logger.LogInformation("Enquiry {EnquiryId} received via {Source} for {Model}", enquiry.Id, enquiry.Source, enquiry.Model);

        if (enquiry.MarketingOptIn)
        {
            // Only what the processor's agreement permits: name and email.
            await _marketing.SubscribeAsync(enquiry.Name, enquiry.Email, NewsletterAudience, cancellationToken);

            // PII001: the whole enquiry goes to the vendor (phone, address, date of birth, part-exchange VIN
            // and registration) although its agreement covers names and e-mail addresses only.
            await _marketing.UpdateProfileAsync(enquiry, cancellationToken);

            // Fine: only what the agreement permits, plus the model of interest, which identifies nobody.
            await _marketing.UpdateProfileAsync(new { enquiry.Name, enquiry.Email, enquiry.Model }, cancellationToken);

            // Fine: masked before it is logged.
            _logger.LogInformation("Subscribed {Email} to {Audience}", PiiMask.Mask(enquiry.Email, 2), NewsletterAudience);
        }
    }

    public Customer ConvertToCustomer(SalesEnquiry enquiry, string postalAddress, DateOnly dateOfBirth, Vehicle purchased)
    {
        var customer = new Customer
        {
            FullName = enquiry.Name,
            Email = enquiry.Email,
            PhoneNumber = enquiry.PhoneNumber ?? string.Empty,
            PostalAddress = postalAddress,
            DateOfBirth = dateOfBirth,
            Gender = enquiry.Gender,
        };
        customer.Vehicles.Add(purchased);
        _customers.Add(customer);

        if (AgeOn(DateOnly.FromDateTime(DateTime.UtcNow), customer.DateOfBirth) < 18)
        {
            // PII002: the date of birth is logged to explain the warning; the customer's key would do.
            _logger.LogWarning("Customer {CustomerId} born {DateOfBirth} is under 18: finance needs a guarantor", customer.Id, customer.DateOfBirth);
        }

        _logger.LogInformation("Enquiry {EnquiryId} converted to customer {CustomerId}", enquiry.Id, customer.Id);
        return customer;
    }

    public async Task LogDailySummaryAsync(CancellationToken cancellationToken = default)
    {
        // Fine: counts carry no personal data.
        var subscribers = await _marketing.CountSubscribersAsync(NewsletterAudience, cancellationToken);
        _logger.LogInformation(
            "{EnquiryCount} enquiries, {CustomerCount} customers, {SubscriberCount} newsletter subscribers",
            _enquiries.Count,
            _customers.Count,
            subscribers);
    }

    // The address a customer typed into the service-booking form: personal data, marked as such.
    public Customer FindByEmail([Pii(PiiCategory.Email)] string email) =>
        _customers.FirstOrDefault(customer => customer.Email == email)
        // PII004: the address ends up in error pages and crash reports; the caller knows what it asked for.
        ?? throw new KeyNotFoundException($"No customer with e-mail {email}");

    private static int AgeOn(DateOnly today, DateOnly dateOfBirth)
    {
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth > today.AddYears(-age) ? age - 1 : age;
    }
}
