using ExceptionVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;
using LogVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;
using ProcessorVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;
using StorageVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules;

/// <summary>
/// Code as dealer-CRM teams write it (endpoints, services, repositories, mappers, validators, options), each
/// behaviour twice: the leak PiiGuard must report, on the argument that carries the data, and the near miss
/// that must stay silent. The model below holds no sink, so every expected diagnostic is marked in the test.
/// </summary>
public sealed class FieldScenarioTests
{
    private const string App = FieldScenario.Usings + """
        [assembly: ThirdPartyProcessor(typeof(AnalyticsSdk), "ProductAnalytics")]

        public enum EnquiryStatus { New, Contacted, Closed }

        public sealed class Enquiry
        {
            public Guid Id { get; init; }
            [Pii(PiiCategory.Name)] public string CustomerName { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.PhoneNumber)] public string? Phone { get; set; }
            [Pii(PiiCategory.PostalAddress)] public string Postcode { get; set; } = "";
            [Pii(PiiCategory.DateOfBirth)] public DateOnly DateOfBirth { get; set; }
            [NotPii] public string DealerInbox { get; set; } = "";
            public string DealerCode { get; set; } = "";
            public string ModelOfInterest { get; set; } = "";
            public EnquiryStatus Status { get; set; }
            public bool MarketingConsent { get; set; }
        }

        public sealed record EnquiryRequest(
            [property: Pii(PiiCategory.Name)] string CustomerName,
            [property: Pii(PiiCategory.Email)] string Email,
            [property: Pii(PiiCategory.DateOfBirth)] DateOnly DateOfBirth,
            string DealerCode);

        public sealed record EnquiryAccepted(Guid Id, EnquiryStatus Status);

        public sealed record EnquirySummary(Guid Id, string Customer, string Dealer);

        public sealed class ContactDto
        {
            public string Name { get; set; } = "";
            public string Email { get; set; } = "";
            public string? Phone { get; set; }
            public string Dealer { get; set; } = "";
        }

        public static class EnquiryMappings
        {
            public static ContactDto ToContact(this Enquiry e) => new() { Name = e.CustomerName, Email = e.Email, Dealer = e.DealerCode };
            public static ContactDto ToCallbackContact(this Enquiry e) => new() { Name = e.CustomerName, Phone = e.Phone, Dealer = e.DealerCode };
        }

        [ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
        public interface IMarketingClient
        {
            Task AddContactAsync(ContactDto contact, CancellationToken cancellationToken = default);
            Task AddContactsAsync(IReadOnlyCollection<ContactDto> contacts, CancellationToken cancellationToken = default);
        }

        [ThirdPartyProcessor("FinanceCo", PiiCategory.Name, PiiCategory.DateOfBirth, PiiCategory.PostalAddress)]
        public interface ICreditCheckClient
        {
            Task<bool> PreApproveAsync(string applicantName, DateOnly dateOfBirth, string postcode, string reference, CancellationToken cancellationToken = default);
        }

        [ThirdPartyProcessor("SmsGateway", PiiCategory.PhoneNumber)]
        public interface ISmsGateway
        {
            Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
        }

        public sealed class SmsMessage
        {
            public string To { get; set; } = "";
            public string Body { get; set; } = "";
        }

        public sealed class AnalyticsSdk
        {
            public void Track(string eventName, IDictionary<string, string> properties) { }
        }

        public interface ICrmClient
        {
            Task UpsertAsync(Enquiry enquiry, CancellationToken cancellationToken);
        }

        public sealed class EnquirySyncException(string message, Exception innerException) : Exception(message, innerException);

        public sealed class RequestValidationException(string message) : Exception(message);

        """;

    // ---------------------------------------------------------------- PII002: logs

    [Fact]
    public Task Endpoint_logging_the_whole_request_record_is_reported() =>
        // The record's generated ToString prints CustomerName, Email and DateOfBirth.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryEndpoints(ILogger<EnquiryEndpoints> logger)
            {
                public EnquiryAccepted Post(EnquiryRequest request)
                {
                    logger.LogInformation("Enquiry received: {Request}", {|PII002:request|});
                    return new EnquiryAccepted(Guid.NewGuid(), EnquiryStatus.New);
                }
            }
            """);

    [Fact]
    public Task Endpoint_logging_the_response_record_and_an_unmarked_member_of_the_request_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryEndpoints(ILogger<EnquiryEndpoints> logger)
            {
                public EnquiryAccepted Post(EnquiryRequest request)
                {
                    var accepted = new EnquiryAccepted(Guid.NewGuid(), EnquiryStatus.New);
                    logger.LogInformation("Enquiry {Accepted} routed to {Dealer}", accepted, request.DealerCode);
                    return accepted;
                }
            }
            """);

    [Fact]
    public Task BeginScope_with_an_array_of_key_value_pairs_holding_the_email_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryProcessor(ILogger<EnquiryProcessor> logger)
            {
                public void Process(Enquiry e)
                {
                    using var scope = logger.BeginScope({|PII002:new[] { new KeyValuePair<string, object>("EnquiryId", e.Id), new KeyValuePair<string, object>("CustomerEmail", e.Email) }|});
                    logger.LogInformation("Processing enquiry");
                }
            }
            """);

    [Fact]
    public Task BeginScope_with_an_array_of_key_value_pairs_of_keys_only_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryProcessor(ILogger<EnquiryProcessor> logger)
            {
                public void Process(Enquiry e)
                {
                    using var scope = logger.BeginScope(new[] { new KeyValuePair<string, object>("EnquiryId", e.Id), new KeyValuePair<string, object>("Dealer", e.DealerCode) });
                    logger.LogInformation("Processing enquiry");
                }
            }
            """);

    [Fact]
    public Task Instance_LoggerMessage_method_given_the_customer_email_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed partial class LeadNotifier(ILogger<LeadNotifier> logger)
            {
                [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Confirmation for enquiry {EnquiryId} sent to {Recipient}")]
                partial void LogConfirmationSent(Guid enquiryId, string recipient);

                public void Notify(Enquiry e) => LogConfirmationSent(e.Id, {|PII002:e.Email|});
            }
            """);

    [Fact]
    public Task Instance_LoggerMessage_method_given_a_NotPii_dealer_inbox_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed partial class LeadNotifier(ILogger<LeadNotifier> logger)
            {
                [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Confirmation for enquiry {EnquiryId} sent to {Recipient}")]
                partial void LogConfirmationSent(Guid enquiryId, string recipient);

                public void NotifyDealer(Enquiry e) => LogConfirmationSent(e.Id, e.DealerInbox);
            }
            """);

    [Fact]
    public Task Variable_bound_by_a_property_pattern_and_logged_is_reported() =>
        // A pattern variable is a local: the phone number it binds stays personal.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackScheduler(ILogger<CallbackScheduler> logger)
            {
                public void Schedule(Enquiry e)
                {
                    if (e is { MarketingConsent: true, Phone: { Length: > 0 } phone })
                    {
                        logger.LogInformation("Callback queued for {Phone}", {|PII002:phone|});
                    }
                }
            }
            """);

    [Fact]
    public Task Length_of_a_variable_bound_by_a_pattern_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackScheduler(ILogger<CallbackScheduler> logger)
            {
                public void Schedule(Enquiry e)
                {
                    if (e.Phone is { Length: > 0 } phone)
                    {
                        logger.LogInformation("Callback queued for enquiry {EnquiryId}, number of {Digits} digits", e.Id, phone.Length);
                    }
                }
            }
            """);

    [Fact]
    public Task Awaited_result_of_an_async_helper_that_greets_by_name_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ConfirmationMailer(ILogger<ConfirmationMailer> logger)
            {
                private static async Task<string> BuildGreetingAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return $"Dear {e.CustomerName},";
                }

                public async Task SendAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    var greeting = await BuildGreetingAsync(e, cancellationToken);
                    logger.LogDebug("Prepared greeting {Greeting}", {|PII002:greeting|});
                }
            }
            """);

    [Fact]
    public Task Awaited_result_of_an_async_helper_that_builds_a_subject_from_keys_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ConfirmationMailer(ILogger<ConfirmationMailer> logger)
            {
                private static async Task<string> BuildSubjectAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return $"Your enquiry {e.Id:N} about the {e.ModelOfInterest}";
                }

                public async Task SendAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    var subject = await BuildSubjectAsync(e, cancellationToken);
                    logger.LogDebug("Prepared subject {Subject}", subject);
                }
            }
            """);

    [Fact]
    public Task Local_function_describing_the_customer_by_name_and_postcode_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadAssignment(ILogger<LeadAssignment> logger)
            {
                public void Assign(Enquiry e, string salesperson)
                {
                    string Describe() => $"{e.CustomerName} ({e.Postcode})";

                    logger.LogInformation("Assigned {Enquiry} to {Salesperson}", {|PII002:Describe()|}, salesperson);
                }
            }
            """);

    [Fact]
    public Task Local_function_describing_the_enquiry_by_keys_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadAssignment(ILogger<LeadAssignment> logger)
            {
                public void Assign(Enquiry e, string salesperson)
                {
                    string Describe() => $"enquiry {e.Id} for a {e.ModelOfInterest}";

                    logger.LogInformation("Assigned {Enquiry} to {Salesperson}", Describe(), salesperson);
                }
            }
            """);

    [Fact]
    public Task Hand_rolled_masking_helper_without_Redacts_is_reported() =>
        // Keeping the first characters is a substring, not redaction: only [Redacts] and the known sanitisers stop the flow.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class UnsubscribeHandler(ILogger<UnsubscribeHandler> logger)
            {
                private static string Obscure(string email) => email.Length > 2 ? email[..2] + "***" : "***";

                public void Handle(Enquiry e) => logger.LogInformation("Unsubscribed {Email}", {|PII002:Obscure(e.Email)|});
            }
            """);

    [Fact]
    public Task Same_masking_helper_marked_Redacts_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class UnsubscribeHandler(ILogger<UnsubscribeHandler> logger)
            {
                [Redacts]
                private static string Obscure(string email) => email.Length > 2 ? email[..2] + "***" : "***";

                public void Handle(Enquiry e) => logger.LogInformation("Unsubscribed {Email}", Obscure(e.Email));
            }
            """);

    [Fact]
    public Task Startup_log_of_an_options_member_marked_as_the_DPO_email_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class PrivacyOptions
            {
                public string ControllerName { get; set; } = "";
                [Pii(PiiCategory.Email)] public string DataProtectionOfficerEmail { get; set; } = "";
                public int RetentionDays { get; set; }
            }

            public sealed class StartupReport(ILogger<StartupReport> logger, PrivacyOptions options)
            {
                public void Write() =>
                    logger.LogInformation("Privacy: controller {Controller}, DPO {Contact}, retention {Days} days",
                        options.ControllerName, {|PII002:options.DataProtectionOfficerEmail|}, options.RetentionDays);
            }
            """);

    [Fact]
    public Task Startup_log_of_unmarked_options_named_like_contact_data_is_silent_by_default() =>
        // Names alone are PII100's business; the flow rules follow them only with piiguard.treat_inferred_as_pii.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CrmOptions
            {
                public string BaseAddress { get; set; } = "";
                public string SupportEmail { get; set; } = "";
                public string SalesPhone { get; set; } = "";
                public int TimeoutSeconds { get; set; }
            }

            public sealed class StartupReport(ILogger<StartupReport> logger, CrmOptions options)
            {
                public void Write() =>
                    logger.LogInformation("CRM at {BaseAddress}, timeout {Timeout}s, support {Support}, sales {Sales}",
                        options.BaseAddress, options.TimeoutSeconds, options.SupportEmail, options.SalesPhone);
            }
            """);

    [Fact]
    public Task Record_copied_with_only_the_dealer_replaced_still_prints_the_name_and_is_reported() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadRouter(ILogger<LeadRouter> logger)
            {
                public void Reroute(Enquiry e)
                {
                    var summary = new EnquirySummary(e.Id, e.CustomerName, e.DealerCode);
                    var rerouted = summary with { Dealer = "CENTRAL" };
                    logger.LogInformation("Rerouted {Summary}", {|PII002:rerouted|});
                }
            }
            """);

    [Fact]
    public Task Record_copied_with_the_name_overwritten_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class LeadRouter(ILogger<LeadRouter> logger)
            {
                public void Reroute(Enquiry e)
                {
                    var summary = new EnquirySummary(e.Id, e.CustomerName, e.DealerCode);
                    var anonymised = summary with { Customer = "(withheld)" };
                    logger.LogInformation("Rerouted {Summary}", anonymised);
                }
            }
            """);

    // ---------------------------------------------------------------- PII001: third-party processors

    [Fact]
    public Task Contact_mapped_with_the_phone_number_sent_to_the_marketing_platform_is_reported() =>
        // MarketingCloud may receive Name and Email only; ToCallbackContact copies the phone number into the DTO.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class CallbackCampaign(IMarketingClient marketing)
            {
                public async Task EnrolAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    if (!e.MarketingConsent)
                    {
                        return;
                    }

                    var contact = e.ToCallbackContact();
                    await marketing.AddContactAsync({|PII001:contact|}, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Contact_mapped_with_name_and_email_only_sent_to_the_marketing_platform_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class CallbackCampaign(IMarketingClient marketing)
            {
                public async Task EnrolAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    if (!e.MarketingConsent)
                    {
                        return;
                    }

                    await marketing.AddContactAsync(e.ToContact(), cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Email_used_as_the_correlation_reference_of_a_credit_check_is_reported_on_the_named_argument() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class FinanceQuoteService(ICreditCheckClient credit)
            {
                public Task<bool> PreApproveAsync(Enquiry e, CancellationToken cancellationToken) =>
                    credit.PreApproveAsync(e.CustomerName, e.DateOfBirth, e.Postcode, reference: {|PII001:e.Email|}, cancellationToken: cancellationToken);
            }
            """);

    [Fact]
    public Task Credit_check_with_permitted_categories_and_the_enquiry_id_as_reference_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class FinanceQuoteService(ICreditCheckClient credit)
            {
                public Task<bool> PreApproveAsync(Enquiry e, CancellationToken cancellationToken) =>
                    credit.PreApproveAsync(e.CustomerName, e.DateOfBirth, e.Postcode, reference: e.Id.ToString("N"), cancellationToken: cancellationToken);
            }
            """);

    [Fact]
    public Task Sms_whose_body_greets_the_customer_by_name_is_reported() =>
        // SmsGateway may receive PhoneNumber only: the recipient is fine, the name in the body is not.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class TestDriveReminder(ISmsGateway sms)
            {
                public async Task RemindAsync(Enquiry e, DateTime slot, CancellationToken cancellationToken)
                {
                    if (e.Phone is null)
                    {
                        return;
                    }

                    var message = new SmsMessage
                    {
                        To = e.Phone,
                        Body = $"Hi {e.CustomerName}, your {e.ModelOfInterest} test drive is booked for {slot:f}.",
                    };
                    await sms.SendAsync({|PII001:message|}, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Sms_to_the_customer_phone_with_an_impersonal_body_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class TestDriveReminder(ISmsGateway sms)
            {
                public async Task RemindAsync(Enquiry e, DateTime slot, CancellationToken cancellationToken)
                {
                    if (e.Phone is null)
                    {
                        return;
                    }

                    var message = new SmsMessage
                    {
                        To = e.Phone,
                        Body = $"Your {e.ModelOfInterest} test drive at {e.DealerCode} is booked for {slot:f}.",
                    };
                    await sms.SendAsync(message, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Analytics_event_properties_holding_the_postcode_district_are_reported() =>
        // An SDK declared at assembly level with no permitted category: the outward code is still part of the address.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryTelemetry(AnalyticsSdk analytics)
            {
                public void Submitted(Enquiry e) =>
                    analytics.Track("enquiry_submitted", {|PII001:new Dictionary<string, string> { ["dealer"] = e.DealerCode, ["model"] = e.ModelOfInterest, ["area"] = e.Postcode.Split(' ')[0] }|});
            }
            """);

    [Fact]
    public Task Analytics_event_properties_of_dealer_model_status_and_NotPii_inbox_are_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryTelemetry(AnalyticsSdk analytics)
            {
                public void Submitted(Enquiry e) =>
                    analytics.Track("enquiry_submitted", new Dictionary<string, string> { ["dealer"] = e.DealerCode, ["model"] = e.ModelOfInterest, ["status"] = e.Status.ToString(), ["inbox"] = e.DealerInbox });
            }
            """);

    [Fact]
    public Task Nightly_sync_of_a_LINQ_projection_to_DTOs_with_phone_numbers_is_reported() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class NightlyMarketingSync(IMarketingClient marketing)
            {
                public Task SyncAsync(IEnumerable<Enquiry> enquiries, CancellationToken cancellationToken)
                {
                    var contacts = enquiries
                        .Where(x => x.MarketingConsent)
                        .Select(x => new ContactDto { Name = x.CustomerName, Email = x.Email, Phone = x.Phone })
                        .ToList();
                    return marketing.AddContactsAsync({|PII001:contacts|}, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Nightly_sync_of_a_LINQ_projection_to_DTOs_with_name_and_email_only_is_silent() =>
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class NightlyMarketingSync(IMarketingClient marketing)
            {
                public Task SyncAsync(IEnumerable<Enquiry> enquiries, CancellationToken cancellationToken)
                {
                    var contacts = enquiries
                        .Where(x => x.MarketingConsent)
                        .Select(x => new ContactDto { Name = x.CustomerName, Email = x.Email, Dealer = x.DealerCode })
                        .ToList();
                    return marketing.AddContactsAsync(contacts, cancellationToken);
                }
            }
            """);

    // ---------------------------------------------------------------- PII003: unencrypted storage

    [Fact]
    public Task Csv_export_built_with_interpolated_AppendLine_and_written_to_a_file_is_reported() =>
        // StringBuilder.AppendLine($"...") binds to the interpolated string handler overload: the data must still be followed.
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryExport
            {
                public Task ExportAsync(IReadOnlyList<Enquiry> enquiries, string path, CancellationToken cancellationToken)
                {
                    var csv = new StringBuilder();
                    csv.AppendLine("id,name,email,dealer");
                    foreach (var e in enquiries)
                    {
                        csv.AppendLine($"{e.Id},{e.CustomerName},{e.Email},{e.DealerCode}");
                    }

                    return System.IO.File.WriteAllTextAsync(path, {|PII003:csv.ToString()|}, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Csv_export_of_ids_dealers_and_statuses_written_to_a_file_is_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryExport
            {
                public Task ExportAsync(IReadOnlyList<Enquiry> enquiries, string path, CancellationToken cancellationToken)
                {
                    var csv = new StringBuilder();
                    csv.AppendLine("id,dealer,status");
                    foreach (var e in enquiries)
                    {
                        csv.AppendLine($"{e.Id},{e.DealerCode},{e.Status}");
                    }

                    return System.IO.File.WriteAllTextAsync(path, csv.ToString(), cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Repository_parameter_of_the_phone_or_DBNull_is_reported_on_the_value_argument() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class CallbackRepository(Microsoft.Data.Sqlite.SqliteConnection connection)
            {
                public async Task SaveAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "insert into callbacks (enquiry_id, phone) values ($id, $phone)";
                    command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$id", e.Id.ToString()));
                    command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$phone", {|PII003:(object?)e.Phone ?? DBNull.Value|}));
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Repository_parameters_of_id_status_and_dealer_are_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class StatusRepository(Microsoft.Data.Sqlite.SqliteConnection connection)
            {
                public async Task SaveAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = "update enquiries set status = $status, dealer = $dealer where id = $id";
                    command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$id", e.Id.ToString()));
                    command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$status", (int)e.Status));
                    command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$dealer", e.DealerCode));
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Returning_visitor_cookie_holding_the_base64_encoded_email_is_reported() =>
        // Encoding is not redaction.
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class ReturningVisitorCookie
            {
                public void Remember(Microsoft.AspNetCore.Http.IResponseCookies cookies, Enquiry e) =>
                    cookies.Append("rv", {|PII003:Convert.ToBase64String(Encoding.UTF8.GetBytes(e.Email))|});
            }
            """);

    [Fact]
    public Task Returning_visitor_cookie_holding_an_HMAC_of_the_email_is_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class ReturningVisitorCookie(byte[] cookieKey)
            {
                public void Remember(Microsoft.AspNetCore.Http.IResponseCookies cookies, Enquiry e) =>
                    cookies.Append("rv", Convert.ToHexString(HMACSHA256.HashData(cookieKey, Encoding.UTF8.GetBytes(e.Email))));
            }
            """);

    // ---------------------------------------------------------------- PII004: exception messages

    [Fact]
    public Task Age_guard_passing_the_date_of_birth_as_ArgumentOutOfRangeException_actual_value_is_reported() =>
        // ArgumentOutOfRangeException appends its actual value to Message.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class FinanceEligibility
            {
                public void EnsureAdult(EnquiryRequest request, DateOnly today)
                {
                    if (request.DateOfBirth > today.AddYears(-18))
                    {
                        throw new ArgumentOutOfRangeException(nameof(request), {|PII004:request.DateOfBirth|}, "Finance applicants must be 18 or over.");
                    }
                }
            }
            """);

    [Fact]
    public Task Age_guard_with_a_parameter_name_and_a_fixed_message_is_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class FinanceEligibility
            {
                public void EnsureAdult(EnquiryRequest request, DateOnly today)
                {
                    if (request.DateOfBirth > today.AddYears(-18))
                    {
                        throw new ArgumentOutOfRangeException(nameof(request), "Finance applicants must be 18 or over.");
                    }
                }
            }
            """);

    [Fact]
    public Task Catch_and_wrap_with_the_customer_email_in_the_new_message_is_reported() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class CrmSync(ICrmClient crm)
            {
                public async Task PushAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    try
                    {
                        await crm.UpsertAsync(e, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        throw new EnquirySyncException({|PII004:$"Could not push the enquiry of {e.Email} to the CRM"|}, ex);
                    }
                }
            }
            """);

    [Fact]
    public Task Catch_and_wrap_with_the_enquiry_id_and_the_inner_message_is_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class CrmSync(ICrmClient crm)
            {
                public async Task PushAsync(Enquiry e, CancellationToken cancellationToken)
                {
                    try
                    {
                        await crm.UpsertAsync(e, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        throw new EnquirySyncException($"Could not push enquiry {e.Id} to the CRM: {ex.Message}", ex);
                    }
                }
            }
            """);

    [Fact]
    public Task Validation_errors_that_echo_the_submitted_email_joined_into_the_exception_are_reported() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryValidator
            {
                public void Validate(EnquiryRequest request)
                {
                    var errors = new List<string>();
                    if (!request.Email.Contains('@'))
                    {
                        errors.Add($"'{request.Email}' is not a valid e-mail address.");
                    }

                    if (request.CustomerName.Length > 100)
                    {
                        errors.Add("The name must be at most 100 characters.");
                    }

                    if (errors.Count > 0)
                    {
                        throw new RequestValidationException({|PII004:string.Join(" ", errors)|});
                    }
                }
            }
            """);

    [Fact]
    public Task Validation_errors_that_name_only_the_fields_are_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryValidator
            {
                public void Validate(EnquiryRequest request)
                {
                    var errors = new List<string>();
                    if (!request.Email.Contains('@'))
                    {
                        errors.Add("The e-mail address is not valid.");
                    }

                    if (request.CustomerName.Length > 100)
                    {
                        errors.Add("The name must be at most 100 characters.");
                    }

                    if (errors.Count > 0)
                    {
                        throw new RequestValidationException(string.Join(" ", errors));
                    }
                }
            }
            """);

    [Fact]
    public Task Lookup_by_a_Pii_marked_email_parameter_that_throws_with_it_is_reported() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryLookup(IReadOnlyDictionary<string, Enquiry> byEmail)
            {
                public Enquiry FindByEmail([Pii(PiiCategory.Email)] string email) =>
                    byEmail.TryGetValue(email, out var enquiry)
                        ? enquiry
                        : throw new KeyNotFoundException({|PII004:$"No enquiry for {email}"|});
            }
            """);

    [Fact]
    public Task Lookup_by_an_unmarked_parameter_named_email_is_silent_by_default() =>
        // Only members marked (or, with piiguard.treat_inferred_as_pii, named) as personal data are followed.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryLookup(IReadOnlyDictionary<string, Enquiry> byEmail)
            {
                public Enquiry FindByEmail(string email) =>
                    byEmail.TryGetValue(email, out var enquiry)
                        ? enquiry
                        : throw new KeyNotFoundException($"No enquiry for {email}");
            }
            """);
}
