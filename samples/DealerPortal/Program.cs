using DealerPortal.Models;
using DealerPortal.Processors;
using DealerPortal.Services;
using Microsoft.Extensions.Logging;

// Disposing the factory flushes the console logger's queue before the process exits.
using (var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(options => options.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information)))
{
    var logger = loggerFactory.CreateLogger("DealerPortal");
    var dealership = new Dealership { TradingName = "Northgate Motors", SupportEmail = "help@northgate-motors.example" };
    var service = new EnquiryService(loggerFactory.CreateLogger<EnquiryService>(), new InMemoryMarketingPlatformClient());

    // Fine: the dealership's own mailbox is marked [NotPii].
    logger.LogInformation("{Dealership} portal started; support at {SupportEmail}", dealership.TradingName, dealership.SupportEmail);

    var buyer = new SalesEnquiry
    {
        Source = "Website",
        Model = "Estate 1.5 Hybrid",
        Name = "Priya Shah",
        Email = "priya.shah@example.com",
        PhoneNumber = "+44 7700 900123",
        Gender = Gender.Female,
        PartExchangeVin = "WVWZZZ1KZ8W000001",
        PartExchangeRegistration = "AB12 CDE",
        MarketingOptIn = true,
    };

    // An enquiry-only prospect: never buys, but their details are kept all the same.
    var prospect = new SalesEnquiry
    {
        Source = "Showroom",
        Model = "City 1.0",
        Name = "Tom Okafor",
        Email = "tom.okafor@example.net",
        PhoneNumber = "+44 7700 900456",
        PostalAddress = "14 Mill Lane, Leeds LS1 4AB",
        DateOfBirth = new DateOnly(2001, 3, 9),
        Gender = Gender.Male,
    };

    await service.SubmitAsync(buyer);
    await service.SubmitAsync(prospect);

    var purchased = new Vehicle
    {
        Make = "Northgate",
        Model = buyer.Model,
        Year = DateTime.UtcNow.Year,
        Vin = "SALGA2BJ5LA000002",
        Registration = "YX74 FGH",
    };

    // A 17-year-old buyer, so the finance warning fires.
    var dateOfBirth = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17);
    service.ConvertToCustomer(buyer, "3 Station Road, York YO1 6AA", dateOfBirth, purchased);

    await service.LogDailySummaryAsync();

    var testDrives = new TestDriveService(loggerFactory.CreateLogger<TestDriveService>(), new AuditTrail(loggerFactory.CreateLogger<AuditTrail>()));
    testDrives.Book(prospect, purchased, DateTime.Today.AddDays(2).AddHours(11));

    Console.WriteLine("Service reminder calls due today:");
    foreach (var customer in service.Customers)
    {
        // PII002: stdout is collected by the host into the same log store.
        Console.WriteLine(customer.PhoneNumber);
    }

    var exportFolder = Path.Combine(Path.GetTempPath(), "DealerPortal");
    Directory.CreateDirectory(exportFolder);
    var customersPath = Path.Combine(exportFolder, "customers.csv");
    var prospectsPath = Path.Combine(exportFolder, "prospects.csv");

    var customerRows = CustomerExport.WriteCustomers(service.Customers, customersPath);
    var prospectRows = CustomerExport.WriteProspects(service.Enquiries, prospectsPath);

    // Fine: row counts and the export folder identify nobody.
    logger.LogInformation("Exported {CustomerRows} customer rows and {ProspectRows} prospect rows to {Folder}", customerRows, prospectRows, exportFolder);
}
