using ExceptionVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;
using LogVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;
using ProcessorVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;
using StorageVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules;

/// <summary>
/// A second round of dealer-CRM code, for constructs the first round (<see cref="FieldScenarioTests"/>) and the flow
/// cases leave out: state kept in fields between methods, dispatch, generic and extension helpers, LINQ query syntax
/// and grouping, async streams, loops that fill collections, <c>params</c>, exception members, storage exports,
/// logging plumbing, hand-rolled sanitisers and control flow. Each behaviour twice: the leak PiiGuard must report,
/// on the argument that carries the data, and the near miss that must stay silent. The model holds no sink.
/// </summary>
public sealed class FieldScenarioTests2
{
    private const string App = FieldScenario.Usings + """
        [assembly: ThirdPartyProcessor(typeof(AdTracker), "AdNetwork")]

        public enum LeadStatus { New, Contacted, TestDriveBooked, Lost }

        public enum ContactChannel { Sms, Email, Post }

        public sealed class Lead
        {
            public Guid Id { get; init; }
            [Pii(PiiCategory.Name)] public string Name { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.PhoneNumber)] public string? Phone { get; set; }
            [Pii(PiiCategory.DateOfBirth)] public DateOnly DateOfBirth { get; set; }
            [Pii(PiiCategory.VehicleRegistration)] public string Registration { get; set; } = "";
            [Pii(PiiCategory.VehicleIdentificationNumber)] public string Vin { get; set; } = "";
            public string DealerCode { get; set; } = "";
            public string Model { get; set; } = "";
            public LeadStatus Status { get; set; }
            public ContactChannel PreferredChannel { get; set; }
            public bool Consent { get; set; }
        }

        public sealed class DealerSettings
        {
            [NotPii] public string SwitchboardNumber { get; set; } = "";
        }

        public sealed class ContactDto
        {
            public string Name { get; set; } = "";
            public string Email { get; set; } = "";
            public string? Phone { get; set; }
        }

        [ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
        public interface IMarketingClient
        {
            Task AddContactsAsync(IReadOnlyCollection<ContactDto> contacts, CancellationToken cancellationToken = default);
        }

        [ThirdPartyProcessor("MessagingGateway", PiiCategory.PhoneNumber)]
        public interface IMessagingGateway
        {
            Task SendAsync(string to, string body, CancellationToken cancellationToken = default);
        }

        public sealed class AdTracker
        {
            public void Track(string eventName, IDictionary<string, string> properties) { }
        }

        public interface ILeadRepository
        {
            IAsyncEnumerable<Lead> StreamAsync(CancellationToken cancellationToken = default);
        }

        """;

    // ---------------------------------------------------------------- state kept between methods

    [Fact]
    public Task Driver_name_a_constructor_keeps_in_a_field_and_another_method_logs_is_reported() =>
        // SPEC: data stays personal through fields; what the constructor reads from a [Pii] member is its own data.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class TestDriveSession
            {
                private readonly ILogger<TestDriveSession> _logger;
                private readonly Guid _leadId;
                private readonly string _driver;

                public TestDriveSession(ILogger<TestDriveSession> logger, Lead lead)
                {
                    _logger = logger;
                    _leadId = lead.Id;
                    _driver = lead.Name;
                }

                public void Complete(int kilometres) =>
                    _logger.LogInformation("Test drive {LeadId} by {Driver} done after {Kilometres} km", _leadId, {|PII002:_driver|}, kilometres);
            }
            """);

    [Fact]
    public Task Route_a_constructor_keeps_in_a_field_and_another_method_logs_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class TestDriveSession
            {
                private readonly ILogger<TestDriveSession> _logger;
                private readonly Guid _leadId;
                private readonly string _route;

                public TestDriveSession(ILogger<TestDriveSession> logger, Lead lead)
                {
                    _logger = logger;
                    _leadId = lead.Id;
                    _route = lead.DealerCode + "/" + lead.Model;
                }

                public void Complete(int kilometres) =>
                    _logger.LogInformation("Test drive {LeadId} on route {Route} done after {Kilometres} km", _leadId, _route, kilometres);
            }
            """);

    [Fact]
    public Task Static_field_one_method_fills_with_the_phone_and_another_logs_is_reported() =>
        // SPEC: "locals and fields" — a static field shared by every instance is a field too.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackQueue(ILogger<CallbackQueue> logger)
            {
                private static string? s_lastNumber;

                public void Enqueue(Lead lead)
                {
                    if (lead.Phone is { Length: > 0 })
                    {
                        s_lastNumber = lead.Phone;
                    }
                }

                public void Heartbeat() => logger.LogDebug("Callback queue alive, last number {Number}", {|PII002:s_lastNumber|});
            }
            """);

    [Fact]
    public Task Static_fields_holding_a_count_and_a_dealer_code_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackQueue(ILogger<CallbackQueue> logger)
            {
                private static int s_queued;
                private static string s_lastDealer = "";

                public void Enqueue(Lead lead)
                {
                    s_queued++;
                    s_lastDealer = lead.DealerCode;
                }

                public void Heartbeat() => logger.LogDebug("Callback queue alive: {Queued} queued, last for dealer {Dealer}", s_queued, s_lastDealer);
            }
            """);

    [Fact]
    public Task Readonly_buffer_one_method_fills_with_phone_numbers_and_another_flushes_to_marketing_is_reported() =>
        // A readonly list is still filled by Add in any method: the DTOs with phone numbers reach MarketingCloud,
        // which may receive Name and Email only.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class CampaignBatch(IMarketingClient marketing)
            {
                private readonly List<ContactDto> _pending = new();

                public void Enrol(Lead lead)
                {
                    if (lead.Consent)
                    {
                        _pending.Add(new ContactDto { Name = lead.Name, Email = lead.Email, Phone = lead.Phone });
                    }
                }

                public async Task FlushAsync(CancellationToken cancellationToken)
                {
                    await marketing.AddContactsAsync({|PII001:_pending|}, cancellationToken);
                    _pending.Clear();
                }
            }
            """);

    [Fact]
    public Task Readonly_buffer_filled_with_name_and_email_only_and_flushed_to_marketing_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class CampaignBatch(IMarketingClient marketing)
            {
                private readonly List<ContactDto> _pending = new();

                public void Enrol(Lead lead)
                {
                    if (lead.Consent)
                    {
                        _pending.Add(new ContactDto { Name = lead.Name, Email = lead.Email });
                    }
                }

                public async Task FlushAsync(CancellationToken cancellationToken)
                {
                    await marketing.AddContactsAsync(_pending, cancellationToken);
                    _pending.Clear();
                }
            }
            """);

    [Fact]
    public Task Property_whose_setter_masks_into_its_backing_field_is_silent_when_read_back() =>
        // The setter runs PiiMask.Mask ([Redacts]) before storing: reading the property back, in the same method or
        // another, gives the masked value.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadCard(ILogger<LeadCard> logger)
            {
                private string _callbackNumber = "";

                public string CallbackNumber
                {
                    get => _callbackNumber;
                    set => _callbackNumber = PiiMask.Mask(value, 3) ?? "";
                }

                public void Load(Lead lead)
                {
                    CallbackNumber = lead.Phone ?? "";
                    logger.LogDebug("Loaded lead card, callback {Number}", CallbackNumber);
                }

                public void Render() => logger.LogDebug("Rendering lead card, callback {Number}", CallbackNumber);
            }
            """);

    // ---------------------------------------------------------------- dispatch and helpers

    [Fact]
    public Task Interface_call_whose_only_implementation_logs_whether_a_contact_exists_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public interface ILeadNotifier
            {
                void LeadAssigned(Guid leadId, string contact);
            }

            public sealed class LoggingLeadNotifier(ILogger<LoggingLeadNotifier> logger) : ILeadNotifier
            {
                public void LeadAssigned(Guid leadId, string contact) =>
                    logger.LogInformation("Lead {LeadId} assigned, contact on file: {HasContact}", leadId, contact.Length > 0);
            }

            public sealed class LeadAssignment(ILeadNotifier notifier)
            {
                public void Assign(Lead lead) => notifier.LeadAssigned(lead.Id, lead.Email);
            }
            """);

    [Fact]
    public Task Extension_method_through_a_generic_guard_and_static_helpers_into_a_static_audit_trail_is_reported() =>
        // The data climbs through a generic identity helper, an extension method and three static helpers, then down
        // two static calls to the log: reported at the argument of the outermost call.
        LogVerifier.AnalyzerAsync(App + """
            public static class Guard
            {
                public static T NotNull<T>(T value, string name) where T : class => value ?? throw new ArgumentNullException(name);
            }

            public static class ContactFormat
            {
                public static string Line(string who, string how) => Normalise($"{who} on {how}");

                private static string Normalise(string text) => Collapse(text.Trim());

                private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            public static class LeadText
            {
                public static string ToCallbackLine(this Lead lead) => ContactFormat.Line(lead.Name, Guard.NotNull(lead.Phone, nameof(lead.Phone)));
            }

            public static class AuditTrail
            {
                public static void Record(ILogger logger, string action, string detail) => Write(logger, action, Stamp(detail));

                private static string Stamp(string detail) => $"{DateTime.UtcNow:O} {detail}";

                private static void Write(ILogger logger, string action, string entry) => logger.LogInformation("{Action}: {Entry}", action, entry);
            }

            public sealed class CallbackDesk(ILogger<CallbackDesk> logger)
            {
                public void Queue(Lead lead)
                {
                    var line = lead.ToCallbackLine();
                    AuditTrail.Record(logger, "callback queued", {|PII002:line|});
                }
            }
            """);

    [Fact]
    public Task Extension_method_through_the_same_helpers_with_dealer_and_model_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public static class Guard
            {
                public static T NotNull<T>(T value, string name) where T : class => value ?? throw new ArgumentNullException(name);
            }

            public static class ContactFormat
            {
                public static string Line(string who, string how) => Normalise($"{who} on {how}");

                private static string Normalise(string text) => Collapse(text.Trim());

                private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            public static class LeadText
            {
                public static string ToRoutingLine(this Lead lead) => ContactFormat.Line(lead.DealerCode, Guard.NotNull(lead.Model, nameof(lead.Model)));
            }

            public static class AuditTrail
            {
                public static void Record(ILogger logger, string action, string detail) => Write(logger, action, Stamp(detail));

                private static string Stamp(string detail) => $"{DateTime.UtcNow:O} {detail}";

                private static void Write(ILogger logger, string action, string entry) => logger.LogInformation("{Action}: {Entry}", action, entry);
            }

            public sealed class CallbackDesk(ILogger<CallbackDesk> logger)
            {
                public void Queue(Lead lead)
                {
                    var line = lead.ToRoutingLine();
                    AuditTrail.Record(logger, "callback queued", line);
                }
            }
            """);

    // ---------------------------------------------------------------- LINQ and formatting

    [Fact]
    public Task Query_syntax_with_a_let_of_the_plate_appended_to_a_file_is_reported_on_the_query() =>
        // The range variable introduced by let travels in the query's transparent identifier down to the select.
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class ServiceReminderExport
            {
                public Task AppendAsync(IEnumerable<Lead> leads, string path, CancellationToken cancellationToken) =>
                    File.AppendAllLinesAsync(
                        path,
                        {|PII003:from lead in leads
                        let plate = lead.Registration.Replace(" ", "")
                        where lead.Consent && lead.Status != LeadStatus.Lost
                        orderby lead.DealerCode
                        select $"{lead.Id};{lead.DealerCode};{plate}"|},
                        cancellationToken);
            }
            """);

    [Fact]
    public Task Query_syntax_that_filters_on_the_plate_but_selects_keys_appended_to_a_file_is_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class ServiceReminderExport
            {
                public Task AppendAsync(IEnumerable<Lead> leads, string path, CancellationToken cancellationToken) =>
                    File.AppendAllLinesAsync(
                        path,
                        from lead in leads
                        let plate = lead.Registration.Replace(" ", "")
                        where lead.Consent && plate.Length > 0
                        orderby lead.DealerCode
                        select $"{lead.Id};{lead.DealerCode};{lead.Model}",
                        cancellationToken);
            }
            """);

    [Fact]
    public Task Phone_numbers_grouped_by_dealer_aggregated_serialised_and_logged_at_debug_level_is_reported() =>
        // GroupBy, ToDictionary and Aggregate keep the phone numbers; IsEnabled only guards; Log(LogLevel, ...) is a sink.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackPlanner(ILogger<CallbackPlanner> logger)
            {
                public void Plan(IReadOnlyList<Lead> leads)
                {
                    var numbersByDealer = leads
                        .Where(lead => lead.Phone != null)
                        .GroupBy(lead => lead.DealerCode)
                        .ToDictionary(
                            group => group.Key,
                            group => group.Aggregate(new StringBuilder(), (text, lead) => text.Append(lead.Phone).Append(';')).ToString());

                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.Log(LogLevel.Debug, "Callback plan {Plan}", {|PII002:JsonSerializer.Serialize(numbersByDealer)|});
                    }
                }
            }
            """);

    [Fact]
    public Task Models_grouped_by_dealer_aggregated_serialised_and_logged_at_debug_level_is_silent() =>
        // The group key (a dealer code) and the aggregated models hold no personal data, though the groups hold leads.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackPlanner(ILogger<CallbackPlanner> logger)
            {
                public void Plan(IReadOnlyList<Lead> leads)
                {
                    var modelsByDealer = leads
                        .Where(lead => lead.Phone != null)
                        .GroupBy(lead => lead.DealerCode)
                        .ToDictionary(
                            group => group.Key,
                            group => group.Aggregate(new StringBuilder(), (text, lead) => text.Append(lead.Model).Append(';')).ToString());

                    if (logger.IsEnabled(LogLevel.Debug))
                    {
                        logger.Log(LogLevel.Debug, "Callback plan {Plan}", JsonSerializer.Serialize(modelsByDealer));
                    }
                }
            }
            """);

    [Fact]
    public Task CompositeFormat_with_name_and_date_of_birth_concatenated_into_an_exception_message_is_reported() =>
        // string.Format over a CompositeFormat, with alignment and a format string, then string.Concat: all keep the data.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class FinanceApplication
            {
                private static readonly CompositeFormat s_rejected = CompositeFormat.Parse("Application {0} rejected for {1,-30} born {2:yyyy-MM-dd}");

                public void Reject(Lead lead, string reason)
                {
                    var detail = string.Format(CultureInfo.InvariantCulture, s_rejected, lead.Id, lead.Name, lead.DateOfBirth);
                    throw new InvalidOperationException({|PII004:string.Concat(detail, ": ", reason)|});
                }
            }
            """);

    [Fact]
    public Task CompositeFormat_with_id_and_dealer_joined_into_an_exception_message_is_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class FinanceApplication
            {
                private static readonly CompositeFormat s_rejected = CompositeFormat.Parse("Application {0} for dealer {1,-8} rejected after {2} checks");

                public void Reject(Lead lead, string reason, int checks)
                {
                    var detail = string.Format(CultureInfo.InvariantCulture, s_rejected, lead.Id, lead.DealerCode, checks);
                    throw new InvalidOperationException(string.Join(": ", detail, reason));
                }
            }
            """);

    // ---------------------------------------------------------------- async

    [Fact]
    public Task Async_iterator_yield_WhenAll_results_and_a_ValueTask_carrying_personal_data_are_reported() =>
        // An async iterator of the compilation yields plates (its yield return is its return value), Task.WhenAll gathers
        // what each awaited helper returns, and a ValueTask-returning helper returns a name.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadDigest(ILogger<LeadDigest> logger, ILeadRepository repository)
            {
                private static async IAsyncEnumerable<string> PlatesAsync(IAsyncEnumerable<Lead> leads, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var lead in leads.WithCancellation(cancellationToken))
                    {
                        yield return lead.Registration;
                    }
                }

                private static async Task<string> GreetingAsync(Lead lead)
                {
                    await Task.Yield();
                    return $"Dear {lead.Name}";
                }

                private static ValueTask<string> SignatureAsync(Lead lead) => ValueTask.FromResult($"{lead.Name}, {lead.DealerCode}");

                public async Task RunAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
                {
                    await foreach (var plate in PlatesAsync(repository.StreamAsync(cancellationToken), cancellationToken))
                    {
                        logger.LogDebug("Digest entry for {Plate}", {|PII002:plate|});
                    }

                    var greetings = await Task.WhenAll(leads.Select(lead => GreetingAsync(lead)));
                    logger.LogDebug("Greetings {Greetings}", {|PII002:string.Join(" | ", greetings)|});

                    var signature = await SignatureAsync(leads[0]);
                    logger.LogDebug("Signature {Signature}", {|PII002:signature|});
                }
            }
            """);

    [Fact]
    public Task Async_iterator_yield_WhenAll_results_and_a_ValueTask_of_dealer_data_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadDigest(ILogger<LeadDigest> logger, ILeadRepository repository)
            {
                private static async IAsyncEnumerable<string> DealersAsync(IAsyncEnumerable<Lead> leads, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var lead in leads.WithCancellation(cancellationToken))
                    {
                        yield return lead.DealerCode;
                    }
                }

                private static async Task<string> SubjectAsync(Lead lead)
                {
                    await Task.Yield();
                    return $"Your {lead.Model} enquiry";
                }

                private static ValueTask<string> SignatureAsync(Lead lead) => ValueTask.FromResult($"{lead.DealerCode} sales team");

                public async Task RunAsync(IReadOnlyList<Lead> leads, CancellationToken cancellationToken)
                {
                    await foreach (var dealer in DealersAsync(repository.StreamAsync(cancellationToken), cancellationToken))
                    {
                        logger.LogDebug("Digest entry for {Dealer}", dealer);
                    }

                    var subjects = await Task.WhenAll(leads.Select(lead => SubjectAsync(lead)));
                    logger.LogDebug("Subjects {Subjects}", string.Join(" | ", subjects));

                    var signature = await SignatureAsync(leads[0]);
                    logger.LogDebug("Signature {Signature}", signature);
                }
            }
            """);

    // ---------------------------------------------------------------- collections filled in loops, params

    [Fact]
    public Task Dictionary_filled_with_plates_in_an_await_foreach_loop_and_sent_to_the_ad_network_is_reported() =>
        // AdNetwork, declared at assembly level, may receive no category at all.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class TestDriveTelemetry(AdTracker tracker, ILeadRepository repository)
            {
                public async Task ReportAsync(CancellationToken cancellationToken)
                {
                    var properties = new Dictionary<string, string>();
                    await foreach (var lead in repository.StreamAsync(cancellationToken))
                    {
                        if (lead.Status == LeadStatus.TestDriveBooked)
                        {
                            properties[$"lead_{lead.Id:N}"] = lead.Registration;
                        }
                    }

                    tracker.Track("test_drives_booked", {|PII001:properties|});
                }
            }
            """);

    [Fact]
    public Task Dictionary_filled_with_models_in_an_await_foreach_loop_and_sent_to_the_ad_network_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class TestDriveTelemetry(AdTracker tracker, ILeadRepository repository)
            {
                public async Task ReportAsync(CancellationToken cancellationToken)
                {
                    var properties = new Dictionary<string, string>();
                    await foreach (var lead in repository.StreamAsync(cancellationToken))
                    {
                        if (lead.Status == LeadStatus.TestDriveBooked)
                        {
                            properties[$"lead_{lead.Id:N}"] = lead.Model;
                        }
                    }

                    tracker.Track("test_drives_booked", properties);
                }
            }
            """);

    [Fact]
    public Task Params_helper_that_logs_its_values_is_reported_on_the_element_carrying_the_date_of_birth() =>
        // SPEC: "the argument expression at the call" — for a params array, the element that carries the data, not the call.
        LogVerifier.AnalyzerAsync(App + """
            public static class Breadcrumbs
            {
                public static void Drop(ILogger logger, string step, params object?[] values) =>
                    logger.LogDebug("{Step}: {Values}", step, string.Join(", ", values));
            }

            public sealed class FinanceQuote(ILogger<FinanceQuote> logger)
            {
                public decimal Quote(Lead lead, decimal price)
                {
                    Breadcrumbs.Drop(logger, "quote", lead.Id, {|PII002:lead.DateOfBirth|}, price);
                    return price * 1.07m;
                }
            }
            """);

    [Fact]
    public Task Params_helper_that_logs_id_model_and_price_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public static class Breadcrumbs
            {
                public static void Drop(ILogger logger, string step, params object?[] values) =>
                    logger.LogDebug("{Step}: {Values}", step, string.Join(", ", values));
            }

            public sealed class FinanceQuote(ILogger<FinanceQuote> logger)
            {
                public decimal Quote(Lead lead, decimal price)
                {
                    Breadcrumbs.Drop(logger, "quote", lead.Id, lead.Model, price);
                    return price * 1.07m;
                }
            }
            """);

    // ---------------------------------------------------------------- PII004: exception members

    [Fact]
    public Task Custom_exception_printing_the_lead_id_and_the_email_kept_in_Exception_Data_is_silent() =>
        // SPEC's exception sink is the message (what the constructor is given). Exception.Data is neither the message nor
        // a constructor argument, and the inner exception is not message content.
        ExceptionVerifier.AnalyzerAsync(App + """
            public interface ICrmClient
            {
                Task UpsertAsync(Lead lead, CancellationToken cancellationToken);
            }

            public sealed class LeadSyncException(string message, Exception innerException) : Exception(message, innerException)
            {
                public Guid LeadId { get; init; }

                public override string Message => $"{base.Message} (lead {LeadId})";
            }

            public sealed class CrmSync(ICrmClient crm)
            {
                public async Task PushAsync(Lead lead, CancellationToken cancellationToken)
                {
                    try
                    {
                        await crm.UpsertAsync(lead, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        ex.Data["contact"] = lead.Email;
                        throw new LeadSyncException("Could not push the lead to the CRM", ex) { LeadId = lead.Id };
                    }
                }
            }
            """);

    [Fact]
    public Task ThrowIfGreaterThan_given_the_date_of_birth_is_reported() =>
        // The framework's throw helper builds an ArgumentOutOfRangeException whose message holds the actual value.
        // SPEC names the constructors; the helper is one call away from them and puts the data in the message all the same.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class FinanceEligibility
            {
                public void EnsureAdult(Lead lead, DateOnly today) =>
                    ArgumentOutOfRangeException.ThrowIfGreaterThan({|PII004:lead.DateOfBirth|}, today.AddYears(-18));
            }
            """);

    [Fact]
    public Task ThrowIfNull_and_ThrowIfNullOrWhiteSpace_on_contact_data_are_silent() =>
        // Their messages hold the argument's expression text ("lead.Phone"), never its value.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class FinanceEligibility
            {
                public void EnsureContactable(Lead lead)
                {
                    ArgumentNullException.ThrowIfNull(lead.Phone);
                    ArgumentException.ThrowIfNullOrWhiteSpace(lead.Email);
                }
            }
            """);

    // ---------------------------------------------------------------- PII003: storage

    [Fact]
    public Task Warranty_export_writing_owner_and_VIN_with_a_StreamWriter_and_as_JSON_to_a_file_is_reported() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed record ExportRow(Guid Id, string Owner, string Vin, string Dealer);

            public sealed class WarrantyExport
            {
                public async Task ExportAsync(IReadOnlyList<Lead> leads, string csvPath, string jsonPath, CancellationToken cancellationToken)
                {
                    var rows = new List<ExportRow>();
                    using (var writer = new StreamWriter(csvPath, append: false))
                    {
                        await writer.WriteLineAsync("id;owner;vin;dealer");
                        foreach (var lead in leads)
                        {
                            var row = new ExportRow(lead.Id, lead.Name, lead.Vin, lead.DealerCode);
                            rows.Add(row);
                            writer.WriteLine({|PII003:$"{row.Id};{row.Owner};{row.Vin};{row.Dealer}"|});
                        }
                    }

                    await using var json = File.Create(jsonPath);
                    await JsonSerializer.SerializeAsync(json, {|PII003:rows|}, cancellationToken: cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Warranty_export_writing_model_status_and_dealer_with_a_StreamWriter_and_as_JSON_to_a_file_is_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed record ExportRow(Guid Id, string Model, string Status, string Dealer);

            public sealed class WarrantyExport
            {
                public async Task ExportAsync(IReadOnlyList<Lead> leads, string csvPath, string jsonPath, CancellationToken cancellationToken)
                {
                    var rows = new List<ExportRow>();
                    using (var writer = new StreamWriter(csvPath, append: false))
                    {
                        await writer.WriteLineAsync("id;model;status;dealer");
                        foreach (var lead in leads)
                        {
                            var row = new ExportRow(lead.Id, lead.Model, lead.Status.ToString(), lead.DealerCode);
                            rows.Add(row);
                            writer.WriteLine($"{row.Id};{row.Model};{row.Status};{row.Dealer}");
                        }
                    }

                    await using var json = File.Create(jsonPath);
                    await JsonSerializer.SerializeAsync(json, rows, cancellationToken: cancellationToken);
                }
            }
            """);

    // ---------------------------------------------------------------- PII002: logging plumbing

    [Fact]
    public Task Serilog_ForContext_that_destructures_the_lead_is_reported() =>
        // destructureObjects: true serialises every member, as {@Lead} does in a template.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadIntake
            {
                private static readonly Serilog.ILogger s_log = Serilog.Log.ForContext<LeadIntake>();

                public void Receive(Lead lead) =>
                    s_log.ForContext("Lead", {|PII002:lead|}, destructureObjects: true).Information("Lead received from {Dealer}", lead.DealerCode);
            }
            """);

    [Fact]
    public Task Serilog_ForContext_and_a_stringified_hole_of_the_lead_are_silent() =>
        // Without destructuring, and with {$Lead}, Serilog stores the lead's ToString: a plain class prints its type name.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadIntake
            {
                private static readonly Serilog.ILogger s_log = Serilog.Log.ForContext<LeadIntake>();

                public void Receive(Lead lead)
                {
                    s_log.ForContext("Lead", lead).Information("Lead received from {Dealer}", lead.DealerCode);
                    s_log.Information("Lead {$Lead} received", lead);
                }
            }
            """);

    [Fact]
    public Task Phone_numbers_logged_by_the_lambda_given_to_List_ForEach_are_reported() =>
        // The lambda's parameter is each element of the list: the phone numbers projected above.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackDialler(ILogger<CallbackDialler> logger)
            {
                public void DialAll(IEnumerable<Lead> leads)
                {
                    var numbers = leads.Where(lead => lead.Consent).Select(lead => lead.Phone ?? "").ToList();
                    numbers.ForEach(number => logger.LogDebug("Dialling {Number}", {|PII002:number|}));
                }
            }
            """);

    [Fact]
    public Task Lead_ids_logged_by_the_lambda_given_to_List_ForEach_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackDialler(ILogger<CallbackDialler> logger)
            {
                public void DialAll(IEnumerable<Lead> leads)
                {
                    var ids = leads.Where(lead => lead.Consent).Select(lead => lead.Id).ToList();
                    ids.ForEach(id => logger.LogDebug("Dialling lead {LeadId}", id));
                }
            }
            """);

    // ---------------------------------------------------------------- sanitisers

    [Fact]
    public Task Masking_by_hand_without_Redacts_and_a_hash_that_keeps_the_email_domain_are_reported() =>
        // Keeping the first two characters is string.Concat over Take, not redaction; the domain is a Split of the address.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class NewsletterSignup(ILogger<NewsletterSignup> logger)
            {
                private static string MatchKey(string email)
                {
                    var normalised = email.Trim().ToLowerInvariant();
                    var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
                    return $"{hash[..12]}@{normalised.Split('@')[1]}";
                }

                public void Confirm(Lead lead)
                {
                    logger.LogInformation("Signup confirmed for {Email}", {|PII002:string.Concat(lead.Email.Take(2)) + "***"|});
                    logger.LogInformation("Signup match key {Key}", {|PII002:MatchKey(lead.Email)|});
                }
            }
            """);

    [Fact]
    public Task Masking_extension_marked_Redacts_and_a_SHA256_hash_of_the_normalised_email_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public static class Masking
            {
                [Redacts]
                public static string FirstTwo(this string value) => string.Concat(value.Take(2)) + "***";
            }

            public sealed class NewsletterSignup(ILogger<NewsletterSignup> logger)
            {
                private static string MatchKey(string email)
                {
                    var normalised = email.Trim().ToLowerInvariant();
                    return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
                }

                public void Confirm(Lead lead)
                {
                    logger.LogInformation("Signup confirmed for {Email}", lead.Email.FirstTwo());
                    logger.LogInformation("Signup match key {Key}", MatchKey(lead.Email));
                }
            }
            """);

    // ---------------------------------------------------------------- overwrites and control flow

    [Fact]
    public Task Contact_overwritten_by_a_switch_that_misses_one_status_is_reported() =>
        // A booked test drive matches no case: the phone number or e-mail address reaches the log on that path.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class FollowUpLog(ILogger<FollowUpLog> logger)
            {
                public void Record(Lead lead)
                {
                    var reachedAt = lead.Phone ?? lead.Email;
                    switch (lead.Status)
                    {
                        case LeadStatus.New:
                            reachedAt = "not contacted yet";
                            break;
                        case LeadStatus.Lost:
                            reachedAt = "lost";
                            break;
                        case LeadStatus.Contacted:
                            reachedAt = lead.DealerCode;
                            break;
                    }

                    logger.LogInformation("Lead {LeadId} follow-up: {ReachedAt}", lead.Id, {|PII002:reachedAt|});
                }
            }
            """);

    [Fact]
    public Task Contact_overwritten_on_every_path_of_a_switch_with_a_default_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class FollowUpLog(ILogger<FollowUpLog> logger)
            {
                public void Record(Lead lead)
                {
                    var reachedAt = lead.Phone ?? lead.Email;
                    switch (lead.Status)
                    {
                        case LeadStatus.New:
                            reachedAt = "not contacted yet";
                            break;
                        case LeadStatus.Contacted:
                            reachedAt = lead.DealerCode;
                            break;
                        default:
                            reachedAt = lead.Status.ToString();
                            break;
                    }

                    logger.LogInformation("Lead {LeadId} follow-up: {ReachedAt}", lead.Id, reachedAt);
                }
            }
            """);

    [Fact]
    public Task Email_brought_in_by_a_coalescing_assignment_and_by_a_switch_returning_members_sent_to_the_SMS_gateway_is_reported() =>
        // MessagingGateway may receive phone numbers only: ??= with a ternary, and a helper whose switch returns the phone
        // or the e-mail address, both hand it an e-mail address.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class AppointmentReminder(IMessagingGateway gateway, DealerSettings dealer)
            {
                private static string? ContactFor(Lead lead)
                {
                    switch (lead.PreferredChannel)
                    {
                        case ContactChannel.Sms:
                            return lead.Phone;
                        case ContactChannel.Email:
                            return lead.Email;
                        default:
                            return null;
                    }
                }

                public async Task RemindAsync(Lead lead, DateTime slot, CancellationToken cancellationToken)
                {
                    var body = $"Your {lead.Model} appointment is at {slot:t}.";

                    string? to = lead.PreferredChannel == ContactChannel.Sms ? lead.Phone : null;
                    to ??= lead.Consent ? lead.Email : dealer.SwitchboardNumber;
                    await gateway.SendAsync({|PII001:to|}, body, cancellationToken);

                    await gateway.SendAsync({|PII001:ContactFor(lead) ?? dealer.SwitchboardNumber|}, body, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Phone_brought_in_by_a_coalescing_assignment_and_by_a_switch_returning_phone_or_switchboard_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class AppointmentReminder(IMessagingGateway gateway, DealerSettings dealer)
            {
                private static string PhoneFor(Lead lead, DealerSettings settings)
                {
                    switch (lead.Status)
                    {
                        case LeadStatus.TestDriveBooked:
                            return lead.Phone ?? settings.SwitchboardNumber;
                        case LeadStatus.Lost:
                            return settings.SwitchboardNumber;
                        default:
                            return lead.Phone ?? "";
                    }
                }

                public async Task RemindAsync(Lead lead, DateTime slot, CancellationToken cancellationToken)
                {
                    var body = $"Your {lead.Model} appointment is at {slot:t}.";

                    string? to = lead.PreferredChannel == ContactChannel.Sms ? lead.Phone : null;
                    to ??= lead.Consent ? lead.Phone : dealer.SwitchboardNumber;
                    await gateway.SendAsync(to, body, cancellationToken);

                    await gateway.SendAsync(PhoneFor(lead, dealer), body, cancellationToken);
                }
            }
            """);
}
