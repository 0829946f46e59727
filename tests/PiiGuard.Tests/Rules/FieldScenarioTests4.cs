using ExceptionVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;
using LogVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;
using ProcessorVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;
using StorageVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules;

/// <summary>
/// A fourth round of dealer-CRM code, for shapes the first three rounds leave out: repositories awaited through
/// <c>Task</c> and <c>ValueTask</c>, <c>Task.WhenAll</c> of lookups, anonymous and record projections printed whole,
/// <c>AppendFormat</c> and aligned interpolation, dictionary scopes, <c>LoggerMessage.Define</c> behind an extension
/// method, dictionary payloads and a class-level <c>[ThirdPartyProcessor]</c> HTTP client, a generic envelope
/// serialised to a file or a processor, <c>out</c> parameters, tuples, switch expressions, null-conditional chains,
/// computed getters, extension methods on the model and message-building helpers. Each leak next to its near miss;
/// the model holds no sink, so every expected diagnostic is marked in the test.
/// </summary>
public sealed class FieldScenarioTests4
{
    private const string App = FieldScenario.Usings + """
        [assembly: ThirdPartyProcessor(typeof(InsightsSdk), "ProductInsights")]

        public enum CustomerTier { Standard, Gold, Fleet }

        public sealed class Address
        {
            [Pii(PiiCategory.PostalAddress)] public string Street { get; set; } = "";
            [Pii(PiiCategory.PostalAddress)] public string Town { get; set; } = "";
            [Pii(PiiCategory.PostalAddress)] public string? Postcode { get; set; }
            public string Country { get; set; } = "GB";
        }

        public sealed class Customer
        {
            public Guid Id { get; init; }
            [Pii(PiiCategory.Name)] public string FirstName { get; set; } = "";
            [Pii(PiiCategory.Name)] public string LastName { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.PhoneNumber)] public string? Phone { get; set; }
            [Pii(PiiCategory.DateOfBirth)] public DateOnly DateOfBirth { get; set; }
            public Address? Address { get; set; }
            public CustomerTier Tier { get; set; }
            public string DealerCode { get; set; } = "";
            public bool MarketingConsent { get; set; }

            public string FullName => $"{FirstName} {LastName}";

            public string? PostcodeDistrict => Address?.Postcode?.Split(' ')[0];

            public bool IsFleet => Tier == CustomerTier.Fleet || Email.EndsWith("@fleet.example", StringComparison.OrdinalIgnoreCase);
        }

        public sealed class Vehicle
        {
            public Guid Id { get; init; }
            [Pii(PiiCategory.VehicleIdentificationNumber)] public string Vin { get; set; } = "";
            [Pii(PiiCategory.VehicleRegistration)] public string Registration { get; set; } = "";
            public string Model { get; set; } = "";
            public int Mileage { get; set; }
        }

        public sealed record VehicleSummary(Guid Id, string Model, int Mileage);

        public sealed record CustomerCard(Guid Id, [property: Pii(PiiCategory.Name)] string Name, string Dealer);

        public sealed class Envelope<T>
        {
            public string Type { get; init; } = "";
            public DateTime SentAt { get; init; }
            public T? Payload { get; init; }
        }

        public sealed class LoyaltyMember
        {
            public string Name { get; set; } = "";
            public string Email { get; set; } = "";
            public string Tier { get; set; } = "";
        }

        public interface ICustomerRepository
        {
            Task<Customer?> GetAsync(Guid id, CancellationToken cancellationToken = default);
            ValueTask<Vehicle?> FindVehicleAsync(string registration, CancellationToken cancellationToken = default);
        }

        [ThirdPartyProcessor("LoyaltyPartner", PiiCategory.Name, PiiCategory.Email)]
        public interface ILoyaltyClient
        {
            Task PostAsync(string path, IDictionary<string, object> payload, CancellationToken cancellationToken = default);
            Task EnrolAsync<T>(Envelope<T> envelope, CancellationToken cancellationToken = default);
        }

        [ThirdPartyProcessor("RoadsideAssist", PiiCategory.Name, PiiCategory.PhoneNumber, PiiCategory.VehicleRegistration)]
        public sealed class RoadsideClient(System.Net.Http.HttpClient http)
        {
            public string? Reference { get; set; }

            public async Task DispatchAsync(string registration, string callbackNumber, CancellationToken cancellationToken = default)
            {
                using var content = new System.Net.Http.StringContent(JsonSerializer.Serialize(new { Reference, registration, callbackNumber }), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("dispatch", content, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }

        public sealed class InsightsSdk
        {
            public void Track(string eventName, IDictionary<string, object> properties) { }
        }

        """;

    // ---------------------------------------------------------------- async: Task, Task.WhenAll, ValueTask

    [Fact]
    public Task Customer_awaited_from_the_repository_with_its_email_logged_is_reported() =>
        // The repository is an interface: its result is known by its type, a carrier; the e-mail member read is a source.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ServiceBookingHandler(ILogger<ServiceBookingHandler> logger, ICustomerRepository customers)
            {
                public async Task HandleAsync(Guid customerId, CancellationToken cancellationToken)
                {
                    var customer = await customers.GetAsync(customerId, cancellationToken);
                    if (customer is null)
                    {
                        logger.LogWarning("Customer {CustomerId} not found", customerId);
                        return;
                    }

                    logger.LogInformation("Booking confirmation goes to {Email}", {|PII002:customer.Email|});
                }
            }
            """);

    [Fact]
    public Task Customers_awaited_singly_and_with_Task_WhenAll_logging_ids_tiers_flags_and_counts_are_silent() =>
        // Id, enum, bool tests, IsNullOrEmpty, Length and counts: none can hold the data they are computed from.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ServiceBookingHandler(ILogger<ServiceBookingHandler> logger, ICustomerRepository customers)
            {
                public async Task HandleAsync(Guid customerId, IReadOnlyList<Guid> household, CancellationToken cancellationToken)
                {
                    var customer = await customers.GetAsync(customerId, cancellationToken);
                    if (customer is null)
                    {
                        return;
                    }

                    logger.LogInformation(
                        "Customer {CustomerId} ({Tier}): phone on file {HasPhone}, e-mail missing {NoEmail}, e-mail of {Length} characters",
                        customer.Id, customer.Tier, customer.Phone is not null, string.IsNullOrEmpty(customer.Email), customer.Email.Length);

                    var loaded = await Task.WhenAll(household.Select(id => customers.GetAsync(id, cancellationToken)));
                    var found = loaded.OfType<Customer>().ToList();
                    logger.LogInformation(
                        "Household of {Requested}: {Found} found, {Gold} gold, {Consenting} consenting",
                        loaded.Length, found.Count, found.Count(c => c.Tier == CustomerTier.Gold), found.Count(c => c.MarketingConsent));
                }
            }
            """);

    [Fact]
    public Task Last_names_of_customers_loaded_with_Task_WhenAll_joined_into_a_log_are_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ReminderRun(ILogger<ReminderRun> logger, ICustomerRepository customers)
            {
                public async Task RunAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
                {
                    var loaded = await Task.WhenAll(ids.Select(id => customers.GetAsync(id, cancellationToken)));
                    var found = loaded.OfType<Customer>().ToList();
                    logger.LogInformation("Reminders for {Names}", {|PII002:string.Join(", ", found.Select(c => c.LastName))|});
                }
            }
            """);

    [Fact]
    public Task Vehicle_found_through_a_ValueTask_lookup_with_its_VIN_in_the_exception_message_is_reported() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class RecallCheck(ICustomerRepository customers)
            {
                public async Task<Vehicle> EnsureNotRecalledAsync(string registration, IReadOnlySet<string> recalledModels, CancellationToken cancellationToken)
                {
                    var vehicle = await customers.FindVehicleAsync(registration, cancellationToken)
                        ?? throw new KeyNotFoundException("No vehicle with that registration.");
                    if (recalledModels.Contains(vehicle.Model))
                    {
                        throw new InvalidOperationException({|PII004:$"Vehicle {vehicle.Vin} is under an open recall"|});
                    }

                    return vehicle;
                }
            }
            """);

    [Fact]
    public Task Vehicle_found_through_a_ValueTask_lookup_with_id_model_and_mileage_in_the_exception_message_is_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class RecallCheck(ICustomerRepository customers)
            {
                public async Task<Vehicle> EnsureNotRecalledAsync(string registration, IReadOnlySet<string> recalledModels, CancellationToken cancellationToken)
                {
                    var vehicle = await customers.FindVehicleAsync(registration, cancellationToken)
                        ?? throw new KeyNotFoundException("No vehicle with that registration.");
                    if (recalledModels.Contains(vehicle.Model))
                    {
                        throw new InvalidOperationException($"Vehicle {vehicle.Id:N} ({vehicle.Model}, {vehicle.Mileage} miles) is under an open recall");
                    }

                    return vehicle;
                }
            }
            """);

    // ---------------------------------------------------------------- LINQ projections printed whole

    [Fact]
    public Task Anonymous_projection_with_the_email_serialised_into_a_debug_log_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ImportDiagnostics(ILogger<ImportDiagnostics> logger)
            {
                public void Write(IReadOnlyList<Customer> batch)
                {
                    var rows = batch.Select(c => new { c.Id, c.Tier, Contact = c.Email });
                    logger.LogDebug("Batch {Rows}", {|PII002:JsonSerializer.Serialize(rows)|});
                }
            }
            """);

    [Fact]
    public Task Anonymous_projection_of_id_tier_flags_and_lengths_serialised_into_a_debug_log_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ImportDiagnostics(ILogger<ImportDiagnostics> logger)
            {
                public void Write(IReadOnlyList<Customer> batch)
                {
                    var rows = batch.Select(c => new { c.Id, c.Tier, HasEmail = !string.IsNullOrEmpty(c.Email), PhoneDigits = c.Phone?.Length ?? 0 });
                    logger.LogDebug("Batch {Rows}", JsonSerializer.Serialize(rows));
                    logger.LogDebug("First row {Row}", rows.FirstOrDefault());
                }
            }
            """);

    [Fact]
    public Task Records_projected_with_the_postcode_and_printed_whole_to_the_console_are_reported() =>
        // A record's generated ToString prints every member, the postcode taken through a null-conditional chain too.
        LogVerifier.AnalyzerAsync(App + """
            public sealed record MailingRow(Guid Id, string Dealer, string? Postcode);

            public sealed class MailingPreview
            {
                public void Print(IReadOnlyList<Customer> batch)
                {
                    var rows = batch.Where(c => c.MarketingConsent).Select(c => new MailingRow(c.Id, c.DealerCode, c.Address?.Postcode)).ToList();
                    foreach (var row in rows)
                    {
                        Console.WriteLine({|PII002:row|});
                    }
                }
            }
            """);

    [Fact]
    public Task Records_projected_with_id_dealer_and_tier_and_printed_whole_to_the_console_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed record TierRow(Guid Id, string Dealer, CustomerTier Tier);

            public sealed class MailingPreview
            {
                public void Print(IReadOnlyList<Customer> batch)
                {
                    var rows = batch.Where(c => c.MarketingConsent && c.Address?.Postcode != null).Select(c => new TierRow(c.Id, c.DealerCode, c.Tier)).ToList();
                    foreach (var row in rows)
                    {
                        Console.WriteLine(row);
                    }
                }
            }
            """);

    // ---------------------------------------------------------------- formatting

    [Fact]
    public Task AppendFormat_aligned_interpolation_and_string_Format_of_name_phone_and_birth_year_are_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class BirthdayList(ILogger<BirthdayList> logger)
            {
                public void Print(IReadOnlyList<Customer> batch)
                {
                    var text = new StringBuilder();
                    foreach (var c in batch)
                    {
                        text.AppendFormat(CultureInfo.InvariantCulture, "{0,-20} born {1:yyyy-MM-dd}", c.LastName, c.DateOfBirth).AppendLine();
                        Console.WriteLine({|PII002:$"{c.Id,-36} | {c.Phone,15} | {c.Tier,-8}"|});
                        Console.Error.WriteLine({|PII002:string.Format(CultureInfo.InvariantCulture, "{0,-36} | {1:yyyy}", c.Id, c.DateOfBirth)|});
                    }

                    logger.LogDebug("Birthday list:{NewLine}{List}", Environment.NewLine, {|PII002:text.ToString()|});
                }
            }
            """);

    [Fact]
    public Task AppendFormat_aligned_interpolation_and_string_Concat_of_ids_tiers_and_lengths_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class BirthdayList(ILogger<BirthdayList> logger)
            {
                public void Print(IReadOnlyList<Customer> batch)
                {
                    var text = new StringBuilder();
                    foreach (var c in batch)
                    {
                        text.AppendFormat(CultureInfo.InvariantCulture, "{0,-36} {1,8} {2,3}", c.Id, c.Tier, c.LastName.Length).AppendLine();
                        Console.WriteLine($"{c.Id,-36} | {c.Tier,-8} | {c.Email.Length,3:D3} | {c.DateOfBirth == default}");
                    }

                    logger.LogDebug("List:{NewLine}{List}", Environment.NewLine, text.ToString());
                    logger.LogDebug("{Summary}", string.Concat("printed ", batch.Count.ToString(CultureInfo.InvariantCulture), " customers"));
                }
            }
            """);

    // ---------------------------------------------------------------- scopes and LoggerMessage.Define

    [Fact]
    public Task BeginScope_with_a_dictionary_holding_the_phone_and_a_template_given_the_email_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CheckoutFlow(ILogger<CheckoutFlow> logger)
            {
                public void Start(Customer c)
                {
                    using (logger.BeginScope({|PII002:new Dictionary<string, object> { ["CustomerId"] = c.Id, ["Callback"] = c.Phone ?? "" }|}))
                    using (logger.BeginScope("Checkout for {Email}", {|PII002:c.Email|}))
                    {
                        logger.LogInformation("Checkout started");
                    }
                }
            }
            """);

    [Fact]
    public Task BeginScope_with_a_dictionary_of_keys_and_a_template_given_the_id_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CheckoutFlow(ILogger<CheckoutFlow> logger)
            {
                public void Start(Customer c)
                {
                    using (logger.BeginScope(new Dictionary<string, object> { ["CustomerId"] = c.Id, ["Dealer"] = c.DealerCode, ["Tier"] = c.Tier }))
                    using (logger.BeginScope("Checkout for customer {CustomerId}", c.Id))
                    {
                        logger.LogInformation("Checkout started");
                    }
                }
            }
            """);

    [Fact]
    public Task LoggerMessage_Define_delegate_behind_an_extension_method_given_the_registration_is_reported() =>
        // The extension method hands its parameter to the delegate: reported at the extension call's argument.
        LogVerifier.AnalyzerAsync(App + """
            public static class WorkshopLog
            {
                private static readonly Action<ILogger, Guid, string, Exception?> s_booked =
                    LoggerMessage.Define<Guid, string>(LogLevel.Information, new EventId(201, "ServiceBooked"), "Service {BookingId} booked for {Vehicle}");

                public static void ServiceBooked(this ILogger logger, Guid bookingId, string vehicle) => s_booked(logger, bookingId, vehicle, null);
            }

            public sealed class WorkshopDiary(ILogger<WorkshopDiary> logger)
            {
                public void Book(Vehicle vehicle, Guid bookingId) => logger.ServiceBooked(bookingId, {|PII002:vehicle.Registration|});
            }
            """);

    [Fact]
    public Task LoggerMessage_Define_delegates_given_the_model_a_Guid_a_bool_and_a_constant_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public static class WorkshopLog
            {
                private const string Workshop = "Central";

                private static readonly Action<ILogger, Guid, string, Exception?> s_booked =
                    LoggerMessage.Define<Guid, string>(LogLevel.Information, new EventId(201, "ServiceBooked"), "Service {BookingId} booked for {Vehicle}");

                private static readonly Action<ILogger, Guid, bool, string, Exception?> s_checked =
                    LoggerMessage.Define<Guid, bool, string>(LogLevel.Debug, new EventId(202, "MileageChecked"), "Vehicle {VehicleId} high mileage {High} at {Workshop}");

                public static void ServiceBooked(this ILogger logger, Guid bookingId, string vehicle) => s_booked(logger, bookingId, vehicle, null);

                public static void MileageChecked(this ILogger logger, Vehicle vehicle) => s_checked(logger, vehicle.Id, vehicle.Mileage > 100_000, Workshop, null);
            }

            public sealed class WorkshopDiary(ILogger<WorkshopDiary> logger)
            {
                public void Book(Vehicle vehicle, Guid bookingId)
                {
                    logger.ServiceBooked(bookingId, vehicle.Model);
                    logger.MileageChecked(vehicle);
                }
            }
            """);

    // ---------------------------------------------------------------- PII001: payloads and HTTP clients

    [Fact]
    public Task Loyalty_payload_dictionary_given_the_birthday_of_gold_customers_is_reported() =>
        // LoyaltyPartner may receive Name and Email; the month and day of birth are still the date of birth.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class LoyaltyEnrolment(ILoyaltyClient loyalty)
            {
                public Task EnrolAsync(Customer c, CancellationToken cancellationToken)
                {
                    var payload = new Dictionary<string, object>
                    {
                        ["name"] = c.FullName,
                        ["email"] = c.Email,
                        ["tier"] = c.Tier.ToString(),
                    };
                    if (c.Tier == CustomerTier.Gold)
                    {
                        payload["birthday"] = c.DateOfBirth.ToString("MM-dd", CultureInfo.InvariantCulture);
                    }

                    return loyalty.PostAsync("/members", {|PII001:payload|}, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Loyalty_payload_dictionary_of_name_email_tier_and_consent_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class LoyaltyEnrolment(ILoyaltyClient loyalty)
            {
                public Task EnrolAsync(Customer c, CancellationToken cancellationToken)
                {
                    var payload = new Dictionary<string, object>
                    {
                        ["name"] = c.FullName,
                        ["email"] = c.Email,
                        ["tier"] = c.Tier.ToString(),
                        ["consent"] = c.MarketingConsent,
                        ["adult"] = c.DateOfBirth <= DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-18),
                    };

                    return loyalty.PostAsync("/members", payload, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Roadside_HTTP_client_given_the_registration_the_phone_and_the_id_as_reference_is_silent() =>
        // A class-level [ThirdPartyProcessor]: its constructor, property setter and methods are processor calls.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class BreakdownDesk(System.Net.Http.HttpClient http)
            {
                public Task DispatchAsync(Customer customer, Vehicle vehicle, CancellationToken cancellationToken)
                {
                    var roadside = new RoadsideClient(http) { Reference = customer.Id.ToString("N") };
                    return roadside.DispatchAsync(vehicle.Registration, customer.Phone ?? "", cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Roadside_HTTP_client_given_the_VIN_and_the_email_as_reference_is_reported() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class BreakdownDesk(System.Net.Http.HttpClient http)
            {
                public Task DispatchAsync(Customer customer, Vehicle vehicle, CancellationToken cancellationToken)
                {
                    var roadside = new RoadsideClient(http) { Reference = {|PII001:customer.Email|} };
                    return roadside.DispatchAsync({|PII001:vehicle.Vin|}, customer.Phone ?? "", cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Hex_encoded_email_in_an_analytics_dictionary_is_reported() =>
        // ProductInsights may receive no category; encoding is not redaction.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class SignupTelemetry(InsightsSdk insights)
            {
                public void SignedUp(Customer c) =>
                    insights.Track("signup", {|PII001:new Dictionary<string, object> { ["dealer"] = c.DealerCode, ["contact"] = Convert.ToHexString(Encoding.UTF8.GetBytes(c.Email)) }|});
            }
            """);

    [Fact]
    public Task Analytics_properties_filled_with_TryAdd_through_IDictionary_with_the_phone_are_reported() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class CallbackTelemetry(InsightsSdk insights)
            {
                public void Requested(Customer c)
                {
                    IDictionary<string, object> properties = new Dictionary<string, object>();
                    properties.TryAdd("customer", c.Id);
                    properties.TryAdd("callback", c.Phone ?? "");
                    insights.Track("callback_requested", {|PII001:properties|});
                }
            }
            """);

    [Fact]
    public Task Pseudonymised_email_Redacts_token_of_the_VIN_SHA256_flags_enum_and_id_in_an_analytics_dictionary_are_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public static class Tokens
            {
                [Redacts]
                public static string Of(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("vin:" + value)))[..16];
            }

            public sealed class SignupTelemetry(InsightsSdk insights)
            {
                public void SignedUp(Customer c, Vehicle vehicle) =>
                    insights.Track("signup", new Dictionary<string, object>
                    {
                        ["id"] = c.Id,
                        ["tier"] = c.Tier,
                        ["consent"] = c.MarketingConsent,
                        ["email_missing"] = string.IsNullOrEmpty(c.Email),
                        ["contact"] = PiiPseudonymizer.Shared.Pseudonymize(c.Email)!,
                        ["vehicle"] = Tokens.Of(vehicle.Vin),
                        ["household"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(c.LastName + c.Address?.Postcode))),
                    });
            }
            """);

    // ---------------------------------------------------------------- generic envelopes: storage and processors

    [Fact]
    public Task Envelope_of_the_customer_serialised_and_written_to_an_outbox_file_is_reported() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class OutboxWriter
            {
                public void Write(Customer customer, string directory)
                {
                    var envelope = new Envelope<Customer> { Type = "customer.updated", SentAt = DateTime.UtcNow, Payload = customer };
                    File.WriteAllText(Path.Combine(directory, $"{customer.Id:N}.json"), {|PII003:JsonSerializer.Serialize(envelope)|});
                }
            }
            """);

    [Fact]
    public Task Envelope_of_a_vehicle_summary_serialised_and_written_to_an_outbox_file_is_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class OutboxWriter
            {
                public void Write(Vehicle vehicle, string directory)
                {
                    var envelope = new Envelope<VehicleSummary> { Type = "vehicle.serviced", SentAt = DateTime.UtcNow, Payload = new VehicleSummary(vehicle.Id, vehicle.Model, vehicle.Mileage) };
                    File.WriteAllText(Path.Combine(directory, $"{vehicle.Id:N}.json"), JsonSerializer.Serialize(envelope));
                }
            }
            """);

    [Fact]
    public Task Envelope_of_a_loyalty_member_with_name_and_email_sent_to_the_loyalty_partner_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class LoyaltySync(ILoyaltyClient loyalty)
            {
                public Task EnrolAsync(Customer c, CancellationToken cancellationToken) =>
                    loyalty.EnrolAsync(new Envelope<LoyaltyMember> { Type = "enrol", SentAt = DateTime.UtcNow, Payload = new LoyaltyMember { Name = c.FullName, Email = c.Email, Tier = c.Tier.ToString() } }, cancellationToken);
            }
            """);

    [Fact]
    public Task Envelope_of_the_whole_customer_sent_to_the_loyalty_partner_is_reported() =>
        // The customer carries phone, date of birth and address, which LoyaltyPartner may not receive.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class LoyaltySync(ILoyaltyClient loyalty)
            {
                public Task EnrolAsync(Customer c, CancellationToken cancellationToken) =>
                    loyalty.EnrolAsync({|PII001:new Envelope<Customer> { Type = "enrol", SentAt = DateTime.UtcNow, Payload = c }|}, cancellationToken);
            }
            """);

    // ---------------------------------------------------------------- records, tuples and out parameters

    [Fact]
    public Task Record_copy_with_a_new_dealer_printed_into_an_exception_message_is_reported() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class DealerTransfer
            {
                public CustomerCard Transfer(Customer c, string newDealer, IReadOnlySet<Guid> locked)
                {
                    var card = new CustomerCard(c.Id, c.FullName, c.DealerCode);
                    var moved = card with { Dealer = newDealer };
                    if (locked.Contains(c.Id))
                    {
                        throw new InvalidOperationException({|PII004:"Cannot move " + moved.ToString() + ": the account is locked"|});
                    }

                    return moved;
                }
            }
            """);

    [Fact]
    public Task Record_copy_with_the_name_masked_by_PiiMask_printed_into_an_exception_message_is_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class DealerTransfer
            {
                public CustomerCard Transfer(Customer c, string newDealer, IReadOnlySet<Guid> locked)
                {
                    var card = new CustomerCard(c.Id, c.FullName, c.DealerCode);
                    var masked = card with { Name = PiiMask.Mask(card.Name, 1) ?? "", Dealer = newDealer };
                    if (locked.Contains(c.Id))
                    {
                        throw new InvalidOperationException("Cannot move " + masked.ToString() + ": the account is locked");
                    }

                    return card with { Dealer = newDealer };
                }
            }
            """);

    [Fact]
    public Task Tuple_returned_from_a_helper_with_the_phone_logged_whole_is_reported() =>
        // A tuple prints its elements.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackDesk(ILogger<CallbackDesk> logger)
            {
                private static (Guid Id, string? Phone, bool Consent) ContactOf(Customer customer) => (customer.Id, customer.Phone, customer.MarketingConsent);

                public void Queue(Customer customer)
                {
                    var contact = ContactOf(customer);
                    logger.LogInformation("Callback queued for {Contact}", {|PII002:contact|});
                }
            }
            """);

    [Fact]
    public Task Phone_number_from_a_TryGet_helper_out_parameter_logged_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackPlanner(ILogger<CallbackPlanner> logger)
            {
                private static bool TryGetCallbackNumber(Customer customer, out string number)
                {
                    number = customer.Phone ?? "";
                    return number.Length > 0;
                }

                public void Plan(Customer customer)
                {
                    if (TryGetCallbackNumber(customer, out var number))
                    {
                        logger.LogInformation("Callback planned to {Number}", {|PII002:number|});
                    }
                }
            }
            """);

    [Fact]
    public Task Customer_id_from_a_TryFind_helper_given_the_email_and_its_bool_result_logged_are_silent() =>
        // The helper is given an e-mail address; its out parameter is a customer's id and its result a bool.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryMatcher(ILogger<EnquiryMatcher> logger, IReadOnlyList<Customer> known)
            {
                private bool TryFindId(string email, out Guid id)
                {
                    foreach (var c in known)
                    {
                        if (string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase))
                        {
                            id = c.Id;
                            return true;
                        }
                    }

                    id = Guid.Empty;
                    return false;
                }

                public void Match(Customer candidate)
                {
                    var found = TryFindId(candidate.Email, out var existingId);
                    logger.LogInformation("Candidate {CandidateId} matched: {Found}, existing customer {CustomerId}", candidate.Id, found, existingId);
                }
            }
            """);

    [Fact]
    public Task Email_from_TryGetValue_on_a_dictionary_of_emails_by_id_logged_is_reported() =>
        // SPEC follows dictionaries and indexers; TryGetValue hands out the same value as the indexer.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ReminderRun(ILogger<ReminderRun> logger)
            {
                public void Run(IReadOnlyList<Customer> customers, IReadOnlyList<Guid> due)
                {
                    var emailById = new Dictionary<Guid, string>();
                    foreach (var c in customers)
                    {
                        emailById[c.Id] = c.Email;
                    }

                    foreach (var id in due)
                    {
                        if (emailById.TryGetValue(id, out var email))
                        {
                            logger.LogDebug("Reminder for {CustomerId} goes to {Email}", id, {|PII002:email|});
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task Customer_deconstructed_by_an_extension_Deconstruct_with_the_name_logged_is_reported() =>
        // The id deconstructed alongside is a key and stays silent.
        LogVerifier.AnalyzerAsync(App + """
            public static class CustomerDeconstruction
            {
                public static void Deconstruct(this Customer customer, out Guid id, out string name, out CustomerTier tier)
                {
                    id = customer.Id;
                    name = customer.FullName;
                    tier = customer.Tier;
                }
            }

            public sealed class WelcomePack(ILogger<WelcomePack> logger)
            {
                public void Send(Customer customer)
                {
                    var (id, name, tier) = customer;
                    logger.LogInformation("Welcome pack for {CustomerId} ({Tier}) addressed to {Name}", id, tier, {|PII002:name|});
                }
            }
            """);

    // ---------------------------------------------------------------- switch expressions, null-conditional chains, computed getters

    [Fact]
    public Task Switch_expression_greeting_gold_customers_by_first_name_logged_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ShowroomKiosk(ILogger<ShowroomKiosk> logger)
            {
                public string Greet(Customer customer)
                {
                    var greeting = customer.Tier switch
                    {
                        CustomerTier.Gold => $"Welcome back, {customer.FirstName}",
                        CustomerTier.Fleet => $"Fleet account {customer.DealerCode}",
                        _ => "Welcome",
                    };
                    logger.LogInformation("Kiosk greeting {Greeting}", {|PII002:greeting|});
                    return greeting;
                }
            }
            """);

    [Fact]
    public Task Switch_expression_over_property_patterns_choosing_a_channel_name_logged_is_silent() =>
        // The patterns test the contact members; every arm yields a constant.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ChannelPicker(ILogger<ChannelPicker> logger)
            {
                public string Pick(Customer customer)
                {
                    var channel = customer switch
                    {
                        { Phone: { Length: > 0 }, MarketingConsent: true } => "sms",
                        { Email.Length: > 0 } => "email",
                        { Address: not null } => "post",
                        _ => "none",
                    };
                    logger.LogInformation("Customer {CustomerId} contacted by {Channel}", customer.Id, channel);
                    return channel;
                }
            }
            """);

    [Fact]
    public Task Null_conditional_chain_to_the_postcode_and_a_computed_postcode_district_in_telemetry_are_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class DeliveryPlanner(ILogger<DeliveryPlanner> logger)
            {
                public void Plan(Customer? customer)
                {
                    System.Diagnostics.Activity.Current?.SetTag("customer.postcode", {|PII002:customer?.Address?.Postcode|});
                    logger.LogInformation("Delivery to {Town}", {|PII002:customer?.Address?.Town ?? "unknown"|});
                    System.Diagnostics.Trace.TraceInformation("Delivery territory {0}", {|PII002:customer?.PostcodeDistrict|});
                }
            }
            """);

    [Fact]
    public Task Null_conditional_chain_to_the_country_a_postcode_length_and_computed_bool_and_name_length_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class DeliveryPlanner(ILogger<DeliveryPlanner> logger)
            {
                public void Plan(Customer? customer)
                {
                    System.Diagnostics.Activity.Current?.SetTag("customer.country", customer?.Address?.Country);
                    logger.LogInformation(
                        "Delivery for {CustomerId}: postcode of {Length} characters, address missing {NoAddress}, fleet {Fleet}, name of {NameLength} characters",
                        customer?.Id, customer?.Address?.Postcode?.Length, customer?.Address is null, customer?.IsFleet, customer?.FullName.Length);
                }
            }
            """);

    // ---------------------------------------------------------------- helpers on the model

    [Fact]
    public Task Extension_method_describing_the_customer_by_full_name_and_town_logged_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public static class CustomerText
            {
                public static string Describe(this Customer customer) => $"{customer.FullName} ({customer.Address?.Town ?? "no address"})";
            }

            public sealed class QuoteService(ILogger<QuoteService> logger)
            {
                public void Prepared(Customer customer, decimal amount) =>
                    logger.LogInformation("Quote of {Amount} prepared for {Customer}", amount, {|PII002:customer.Describe()|});
            }
            """);

    [Fact]
    public Task Extension_method_building_a_reference_from_id_and_dealer_logged_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public static class CustomerText
            {
                public static string Reference(this Customer customer) => $"CUS-{customer.Id:N}/{customer.DealerCode}";
            }

            public sealed class QuoteService(ILogger<QuoteService> logger)
            {
                public void Prepared(Customer customer, decimal amount) =>
                    logger.LogInformation("Quote of {Amount} prepared for {Customer}", amount, customer.Reference());
            }
            """);

    [Fact]
    public Task Exception_messages_from_a_static_message_helper_and_a_throw_helper_given_contact_data_are_reported() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public static class CustomerErrors
            {
                public static string Duplicate(Customer customer) => $"A customer with the e-mail address {customer.Email} already exists.";

                public static ArgumentException InvalidPhone(string phone) => new($"'{phone}' is not a valid phone number.", nameof(phone));
            }

            public sealed class CustomerRegistration
            {
                public void Register(Customer customer, IReadOnlyCollection<Customer> existing)
                {
                    if (existing.Any(e => e.Email == customer.Email))
                    {
                        throw new InvalidOperationException({|PII004:CustomerErrors.Duplicate(customer)|});
                    }

                    if (customer.Phone is { } phone && !phone.All(ch => char.IsDigit(ch) || ch == '+' || ch == ' '))
                    {
                        throw CustomerErrors.InvalidPhone({|PII004:phone|});
                    }
                }
            }
            """);

    [Fact]
    public Task Exception_messages_from_helpers_given_the_id_and_the_phone_length_are_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public static class CustomerErrors
            {
                public static string Duplicate(Customer customer) => $"Customer {customer.Id:N} duplicates an existing e-mail address.";

                public static ArgumentException InvalidPhone(int length) => new($"A phone number of {length} characters is not valid.", "phone");
            }

            public sealed class CustomerRegistration
            {
                public void Register(Customer customer, IReadOnlyCollection<Customer> existing)
                {
                    if (existing.Any(e => e.Email == customer.Email))
                    {
                        throw new InvalidOperationException(CustomerErrors.Duplicate(customer));
                    }

                    if (customer.Phone is { } phone && !phone.All(ch => char.IsDigit(ch) || ch == '+' || ch == ' '))
                    {
                        throw CustomerErrors.InvalidPhone(phone.Length);
                    }
                }
            }
            """);

    [Fact]
    public Task Custom_exception_whose_constructor_puts_the_email_in_the_base_message_is_reported() =>
        // Reported where the message is built, inside the constructor, as a helper that builds the exception with new is.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class DuplicateCustomerException : Exception
            {
                public DuplicateCustomerException(Customer customer)
                    : base({|PII004:$"A customer with the e-mail address {customer.Email} already exists."|}) => CustomerId = customer.Id;

                public Guid CustomerId { get; }
            }

            public sealed class CustomerRegistration
            {
                public void Register(Customer customer, IReadOnlyCollection<Customer> existing)
                {
                    if (existing.Any(e => e.Email == customer.Email))
                    {
                        throw new DuplicateCustomerException(customer);
                    }
                }
            }
            """);
}
