using ExceptionVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;
using LogVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;
using ProcessorVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;
using StorageVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules;

/// <summary>
/// A third round of dealer-CRM code, about precision: code that touches personal data on its way to a sink but sends
/// none of it, where a data-flow analyzer that over-approximates would raise a false alarm (and a noisy analyzer gets
/// switched off). Most cases must stay silent; a few positive controls in the same shapes show that the silent ones
/// are not silent by accident. The model holds no sink, so every expected diagnostic is marked in the test.
/// </summary>
public sealed class FieldScenarioTests3
{
    private const string App = FieldScenario.Usings + """
        [assembly: ThirdPartyProcessor(typeof(AnalyticsSdk), "ProductAnalytics")]
        [assembly: ThirdPartyProcessor(typeof(PushSdk), "PushService", PiiCategory.DeviceIdentifier)]

        public enum OwnerStatus { Prospect, Active, Lapsed }

        public interface IEntity
        {
            Guid Id { get; }
        }

        public sealed class Owner : IEntity
        {
            public Guid Id { get; init; }
            [Pii(PiiCategory.Name)] public string FullName { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.PhoneNumber)] public string? Mobile { get; set; }
            [Pii(PiiCategory.PostalAddress)] public string Postcode { get; set; } = "";
            [Pii(PiiCategory.DateOfBirth)] public DateOnly DateOfBirth { get; set; }
            [Pii(PiiCategory.VehicleIdentificationNumber)] public string Vin { get; set; } = "";
            [NotPii] public string DealerInbox { get; set; } = "";
            public string DealerCode { get; set; } = "";
            public OwnerStatus Status { get; set; }
            public DateTime CreatedAt { get; init; }
            public int ServiceVisits { get; set; }

            public string Reference => $"OWN-{Id:N}";

            public bool HasMobile => !string.IsNullOrWhiteSpace(Mobile);

            public string PreferredChannel => Mobile is { Length: > 0 } ? "sms" : "email";

            // Prints the key only: reading Mobile decides a constant suffix, it does not print the number.
            public override string ToString() => $"Owner {Id:N}{(string.IsNullOrEmpty(Mobile) ? "" : " (mobile on file)")}";
        }

        public sealed record OwnerSnapshot(
            Guid Id,
            [property: Pii(PiiCategory.Name)] string FullName,
            [property: Pii(PiiCategory.Email)] string Email,
            string DealerCode);

        public sealed record MailingRow(Guid OwnerId, string Name, string Email);

        public sealed class MailRecipient
        {
            [Pii(PiiCategory.Name)] public string Name { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.PhoneNumber)] public string? Mobile { get; set; }
            public string Template { get; set; } = "";
            public string Dealer { get; set; } = "";
            public string? Body { get; set; }
        }

        [ThirdPartyProcessor("MailHouse", PiiCategory.Name, PiiCategory.Email)]
        public interface IMailHouseClient
        {
            Task EnqueueAsync(MailRecipient recipient, CancellationToken cancellationToken = default);
            Task EnqueueCsvLineAsync(string line, CancellationToken cancellationToken = default);
            Task EnqueueRowsAsync(IReadOnlyCollection<MailingRow> rows, CancellationToken cancellationToken = default);
            Task SendReminderAsync(string email, string template, CancellationToken cancellationToken = default);
            Task SubscribeAsync(string email, CancellationToken cancellationToken = default);
            Task UpsertOwnerAsync(Owner owner, CancellationToken cancellationToken = default);
        }

        public sealed class OwnerEvent
        {
            public string Name { get; init; } = "";
            public Guid OwnerId { get; init; }
            public string Dealer { get; init; } = "";

            // Filled only for owners who asked to be contacted about the event.
            [Pii(PiiCategory.Email)] public string? ContactEmail { get; init; }
        }

        public sealed class AnalyticsSdk
        {
            public void Track(string eventName, IDictionary<string, string> properties) { }

            public void Publish(OwnerEvent ownerEvent) { }
        }

        public sealed class PushSdk
        {
            public PushSdk(string apiKey, string region) { }

            public TimeSpan Timeout { get; set; }

            public Task SendAsync(string deviceToken, string title, string body, CancellationToken cancellationToken = default) => Task.CompletedTask;
        }

        public sealed class PushOptions
        {
            public string ApiKey { get; set; } = "";
            public string Region { get; set; } = "eu-west";
            public int TimeoutSeconds { get; set; } = 10;
        }

        public interface ITerritoryDirectory
        {
            Task<string> ResolveAsync(string dealerCode, CancellationToken cancellationToken = default);
        }

        public interface IServiceHistory
        {
            Task<int> CountVisitsAsync(string vin, CancellationToken cancellationToken = default);
        }

        public interface IOwnerDirectory
        {
            Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken = default);
        }

        public interface ICrmClient
        {
            Task UpsertAsync(Owner owner, CancellationToken cancellationToken);
        }

        """;

    // ---------------------------------------------------------------- overwrites and control flow

    [Fact]
    public Task Territory_guessed_from_the_postcode_then_replaced_in_the_try_and_in_its_catch_is_silent() =>
        // Both the try and the catch overwrite the postcode before the log: no path carries it there.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class TerritoryRouting(ILogger<TerritoryRouting> logger, ITerritoryDirectory territories)
            {
                public async Task RouteAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var territory = owner.Postcode;
                    try
                    {
                        territory = await territories.ResolveAsync(owner.DealerCode, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException)
                    {
                        territory = "UNASSIGNED";
                    }

                    logger.LogInformation("Owner {OwnerId} routed to territory {Territory}", owner.Id, territory);
                }
            }
            """);

    [Fact]
    public Task Territory_guessed_from_the_postcode_then_replaced_in_a_try_whose_catch_rethrows_is_silent() =>
        // The catch logs the key and rethrows: only the try's own path, which overwrote the postcode, reaches the log.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class TerritoryRouting(ILogger<TerritoryRouting> logger, ITerritoryDirectory territories)
            {
                public async Task RouteAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var territory = owner.Postcode;
                    try
                    {
                        territory = await territories.ResolveAsync(owner.DealerCode, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        logger.LogWarning(ex, "Territory lookup failed for owner {OwnerId}", owner.Id);
                        throw;
                    }

                    logger.LogInformation("Owner {OwnerId} routed to territory {Territory}", owner.Id, territory);
                }
            }
            """);

    [Fact]
    public Task Territory_guessed_from_the_postcode_and_kept_by_a_catch_that_swallows_the_error_is_reported() =>
        // Positive control: when the directory fails, the postcode is what gets logged.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class TerritoryRouting(ILogger<TerritoryRouting> logger, ITerritoryDirectory territories)
            {
                public async Task RouteAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var territory = owner.Postcode;
                    try
                    {
                        territory = await territories.ResolveAsync(owner.DealerCode, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        logger.LogWarning(ex, "Territory lookup failed for owner {OwnerId}", owner.Id);
                    }

                    logger.LogInformation("Owner {OwnerId} routed to territory {Territory}", owner.Id, {|PII002:territory|});
                }
            }
            """);

    [Fact]
    public Task Letter_text_variable_reused_in_a_loop_and_overwritten_before_each_log_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ServiceDueMailing(ILogger<ServiceDueMailing> logger, IMailHouseClient mail)
            {
                public async Task SendAsync(IReadOnlyList<Owner> owners, CancellationToken cancellationToken)
                {
                    var text = "";
                    foreach (var owner in owners)
                    {
                        text = $"Dear {owner.FullName}, your vehicle is due for its annual service.";
                        await mail.EnqueueAsync(new MailRecipient { Name = owner.FullName, Email = owner.Email, Template = "service-due", Body = text }, cancellationToken);
                        text = $"service-due letter queued for owner {owner.Id:N}";
                        logger.LogDebug("{Progress}", text);
                    }

                    logger.LogInformation("Mailing done, last step: {Progress}", text);
                }
            }
            """);

    [Fact]
    public Task Property_pattern_on_contact_details_and_a_switch_over_the_status_logging_constants_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CampaignPlanner(ILogger<CampaignPlanner> logger)
            {
                public void Plan(Owner owner)
                {
                    if (owner is not { Email: { Length: > 0 }, Mobile: not null })
                    {
                        logger.LogInformation("Owner {OwnerId} lacks contact details", owner.Id);
                        return;
                    }

                    switch (owner.Status)
                    {
                        case OwnerStatus.Prospect:
                            logger.LogInformation("Owner {OwnerId}: first-service offer", owner.Id);
                            break;
                        case OwnerStatus.Lapsed:
                            logger.LogInformation("Owner {OwnerId}: win-back offer", owner.Id);
                            break;
                        default:
                            logger.LogDebug("Owner {OwnerId}: no campaign", owner.Id);
                            break;
                    }
                }
            }
            """);

    [Fact]
    public Task Age_band_chosen_by_a_switch_expression_over_the_age_and_sent_to_analytics_is_silent() =>
        // The age is derived from the date of birth, but every arm yields a constant band.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class OwnerSegments(AnalyticsSdk analytics)
            {
                public void Segment(Owner owner, DateOnly today)
                {
                    var age = today.Year - owner.DateOfBirth.Year;
                    var band = age switch
                    {
                        < 25 => "18-24",
                        < 40 => "25-39",
                        < 60 => "40-59",
                        _ => "60+",
                    };

                    analytics.Track("owner_segment", new Dictionary<string, string> { ["dealer"] = owner.DealerCode, ["age_band"] = band, ["channel"] = owner.PreferredChannel });
                }
            }
            """);

    // ---------------------------------------------------------------- members that are not personal data

    [Fact]
    public Task Keys_status_dates_counts_NotPii_inbox_and_properties_computed_from_them_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerReport(ILogger<OwnerReport> logger)
            {
                public void Write(Owner owner)
                {
                    logger.LogInformation(
                        "Owner {OwnerId} ({Reference}) of dealer {Dealer}, inbox {Inbox}: {Status} since {CreatedAt:yyyy-MM-dd}, {Visits} visits, reachable by {Channel}, mobile on file: {HasMobile}",
                        owner.Id, owner.Reference, owner.DealerCode, owner.DealerInbox, owner.Status, owner.CreatedAt, owner.ServiceVisits, owner.PreferredChannel, owner.HasMobile);
                    System.Diagnostics.Activity.Current?.SetTag("owner.id", owner.Id);
                    System.Diagnostics.Activity.Current?.SetTag("owner.status", owner.Status.ToString());
                }
            }
            """);

    [Fact]
    public Task Owner_whose_ToString_prints_only_its_id_logged_whole_is_silent() =>
        // SPEC: a whole object reaches a log's text only where its ToString prints personal data.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerRepository(ILogger<OwnerRepository> logger)
            {
                public void Saved(Owner owner)
                {
                    logger.LogInformation("Saved {Owner}", owner);
                    Console.WriteLine($"Saved {owner}");
                    System.Diagnostics.Trace.TraceInformation("Saved {0}", owner);
                }
            }
            """);

    [Fact]
    public Task Booking_whose_ToString_prints_the_driver_logged_whole_is_reported() =>
        // Positive control for the case above: the same shape, with a ToString that prints a name.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CourtesyCarBooking
            {
                public Guid Id { get; init; }
                [Pii(PiiCategory.Name)] public string Driver { get; set; } = "";
                public string Car { get; set; } = "";

                public override string ToString() => $"Booking {Id:N}: {Car} for {Driver}";
            }

            public sealed class CourtesyCars(ILogger<CourtesyCars> logger)
            {
                public void Booked(Owner owner, CourtesyCarBooking booking)
                {
                    logger.LogInformation("Courtesy car booked for {Owner}", owner);
                    logger.LogInformation("Booking {Booking}", {|PII002:booking|});
                }
            }
            """);

    // ---------------------------------------------------------------- sanitisers and values that cannot carry the data

    [Fact]
    public Task Incremental_HMAC_of_the_email_and_date_of_birth_logged_as_a_match_key_is_silent() =>
        // AppendData feeds the hash; GetHashAndReset of IncrementalHash is a sanitiser (SPEC: hashing and HMAC).
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerMatcher(ILogger<OwnerMatcher> logger, byte[] matchKeySecret)
            {
                public string MatchKey(Owner owner)
                {
                    using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, matchKeySecret);
                    hmac.AppendData(Encoding.UTF8.GetBytes(owner.Email.Trim().ToLowerInvariant()));
                    hmac.AppendData(Encoding.UTF8.GetBytes(owner.DateOfBirth.ToString("O")));
                    var key = Convert.ToHexString(hmac.GetHashAndReset());
                    logger.LogInformation("Owner {OwnerId} has match key {MatchKey}", owner.Id, key);
                    return key;
                }
            }
            """);

    [Fact]
    public Task Data_protected_email_and_contact_in_a_cookie_and_the_session_are_silent() =>
        // IDataProtector.Protect encrypts: SPEC lists it among the sanitisers.
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class ReturningOwnerCookie(IDataProtectionProvider provider)
            {
                private readonly IDataProtector _protector = provider.CreateProtector("returning-owner.v1");

                public void Remember(HttpContext http, Owner owner)
                {
                    http.Response.Cookies.Append("owner", _protector.Protect(owner.Email));
                    http.Session.SetString("owner.contact", _protector.Protect($"{owner.FullName}|{owner.Mobile}"));
                }
            }
            """);

    [Fact]
    public Task Cache_keyed_by_a_SHA256_of_the_email_and_Redis_counters_by_id_are_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class OwnerLookupCache(IDistributedCache cache, StackExchange.Redis.IDatabase redis)
            {
                private static string KeyOf(string email) =>
                    Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

                public async Task RememberAsync(Owner owner, CancellationToken cancellationToken)
                {
                    await cache.SetStringAsync($"owner-by-email:{KeyOf(owner.Email)}", owner.Id.ToString("N"), cancellationToken);
                    await redis.StringSetAsync($"visits:{owner.Id:N}", owner.ServiceVisits);
                }
            }
            """);

    [Fact]
    public Task Cache_keyed_by_the_normalised_email_itself_is_reported() =>
        // Positive control for the case above: normalising is not hashing.
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class OwnerLookupCache(IDistributedCache cache)
            {
                public async Task RememberAsync(Owner owner, CancellationToken cancellationToken)
                {
                    await cache.SetStringAsync({|PII003:$"owner-by-email:{owner.Email.Trim().ToLowerInvariant()}"|}, owner.Id.ToString("N"), cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Data_quality_statistics_over_personal_members_are_silent() =>
        // Counts, a distinct count, an average age and the newest creation date: numbers about the data, not the data.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class DataQualityReport(ILogger<DataQualityReport> logger)
            {
                public void Write(IReadOnlyList<Owner> owners, DateOnly today)
                {
                    var withoutMobile = owners.Count(o => string.IsNullOrWhiteSpace(o.Mobile));
                    var malformed = owners.Count(o => !o.Email.Contains('@'));
                    var distinctEmails = owners.Select(o => o.Email.Trim().ToLowerInvariant()).Distinct().Count();
                    var averageAge = Math.Round(owners.Average(o => today.Year - o.DateOfBirth.Year), 1);
                    var newest = owners.Max(o => o.CreatedAt);
                    logger.LogInformation(
                        "{Total} owners, {WithoutMobile} without a mobile, {Malformed} malformed and {Distinct} distinct e-mail addresses, average age {Age}, newest {Newest:d}",
                        owners.Count, withoutMobile, malformed, distinctEmails, averageAge, newest);
                }
            }
            """);

    [Fact]
    public Task Oldest_date_of_birth_in_the_statistics_is_reported() =>
        // Positive control for the case above: Min over the dates of birth is one owner's date of birth.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class DataQualityReport(ILogger<DataQualityReport> logger)
            {
                public void Write(IReadOnlyList<Owner> owners)
                {
                    var oldest = owners.Min(o => o.DateOfBirth);
                    logger.LogInformation("{Total} owners, oldest born {Oldest}", owners.Count, {|PII002:oldest|});
                }
            }
            """);

    // ---------------------------------------------------------------- PII004: exceptions

    [Fact]
    public Task Exception_given_the_whole_owner_whose_message_uses_only_the_id_is_silent() =>
        // The owner object is a constructor argument, but its text (ToString) is the key only, and the message reads the key.
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class OwnerSyncException(Owner owner, Exception innerException)
                : Exception($"Sync of owner {owner.Id:N} failed", innerException)
            {
                public Guid OwnerId { get; } = owner.Id;
            }

            public sealed class CrmSync(ICrmClient crm)
            {
                public async Task PushAsync(Owner owner, CancellationToken cancellationToken)
                {
                    try
                    {
                        await crm.UpsertAsync(owner, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        throw new OwnerSyncException(owner, ex);
                    }
                }
            }
            """);

    [Fact]
    public Task Validation_exceptions_naming_the_field_giving_its_length_and_a_throw_helper_given_the_id_are_silent() =>
        ExceptionVerifier.AnalyzerAsync(App + """
            public sealed class OwnerValidator
            {
                private static KeyNotFoundException NotFound(Guid id) => new($"Owner {id:N} was not found.");

                public void Validate(Owner? owner, Guid requestedId)
                {
                    if (owner is null)
                    {
                        throw NotFound(requestedId);
                    }

                    if (owner.Email.Length > 254)
                    {
                        throw new ArgumentException($"The e-mail address is {owner.Email.Length} characters long; at most 254 are allowed.", nameof(owner));
                    }

                    if (!owner.Email.Contains('@'))
                    {
                        throw new ArgumentException("The e-mail address is not valid.", $"{nameof(owner)}.{nameof(owner.Email)}");
                    }

                    ArgumentOutOfRangeException.ThrowIfNegative(owner.ServiceVisits);
                }
            }
            """);

    // ---------------------------------------------------------------- helpers and whole objects

    [Fact(Skip = "Known limit (docs/data-flow.md): a helper whose parameter is object, an interface or a type parameter passes the whole argument on when it prints it.")]
    public Task Entity_description_helper_given_an_owner_that_prints_only_its_id_is_silent() =>
        // The helper interpolates its object argument: the owner's ToString, the key only. Written inline the same text
        // is silent; through a helper of the compilation it must be too.
        LogVerifier.AnalyzerAsync(App + """
            public static class LogText
            {
                public static string Entity(object entity) => $"{entity.GetType().Name} [{entity}]";
            }

            public sealed class OwnerUpdates(ILogger<OwnerUpdates> logger)
            {
                public void Updated(Owner owner)
                {
                    logger.LogInformation("Updated {Entity}", $"{owner.GetType().Name} [{owner}]");
                    logger.LogInformation("Updated {Entity}", LogText.Entity(owner));
                }
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): a helper whose parameter is object, an interface or a type parameter passes the whole argument on when it reads a member of it.")]
    public Task Generic_cache_key_helper_reading_the_id_through_an_interface_is_silent() =>
        // CacheKeys.For reads IEntity.Id only; the owner's other members never reach the key.
        StorageVerifier.AnalyzerAsync(App + """
            public static class CacheKeys
            {
                public static string For<T>(T entity) where T : IEntity => $"{typeof(T).Name.ToLowerInvariant()}:{entity.Id:N}";
            }

            public sealed class DealerCache(IDistributedCache cache)
            {
                public async Task RememberDealerAsync(Owner owner, CancellationToken cancellationToken)
                {
                    await cache.SetStringAsync($"owner:{owner.Id:N}", owner.DealerCode, cancellationToken);
                    await cache.SetStringAsync(CacheKeys.For(owner), owner.DealerCode, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Serilog_destructuring_an_anonymous_object_of_keys_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerAudit
            {
                private static readonly Serilog.ILogger s_log = Serilog.Log.ForContext<OwnerAudit>();

                public void Changed(Owner owner, OwnerStatus previous) =>
                    s_log.Information("Owner changed {@Change}", new { owner.Id, From = previous, To = owner.Status, owner.DealerCode, Visits = owner.ServiceVisits });
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): a with copy of a value known only by its type keeps every category its type can hold.")]
    public Task Record_copied_with_every_personal_member_withheld_and_logged_is_silent() =>
        // docs/data-flow.md: "a copy with its only personal member replaced holds nothing" - here a record whose
        // members are marked [Pii], both replaced: its generated ToString prints "(withheld)" twice.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerChangeLog(ILogger<OwnerChangeLog> logger)
            {
                public void Changed(OwnerSnapshot before, OwnerSnapshot after)
                {
                    var withheld = after with { FullName = "(withheld)", Email = "(withheld)" };
                    logger.LogInformation("Owner {OwnerId} moved from dealer {From}: {Snapshot}", after.Id, before.DealerCode, withheld);
                }
            }
            """);

    [Fact]
    public Task Tuple_from_a_helper_deconstructed_with_only_the_id_logged_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class NewsletterSignup(ILogger<NewsletterSignup> logger, IMailHouseClient mail)
            {
                private static (Guid Id, string Email) Contact(Owner owner) => (owner.Id, owner.Email.Trim().ToLowerInvariant());

                public async Task SubscribeAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var (id, email) = Contact(owner);
                    await mail.SubscribeAsync(email, cancellationToken);
                    logger.LogInformation("Owner {OwnerId} subscribed to the newsletter", id);
                }
            }
            """);

    [Fact]
    public Task Computed_property_of_a_contact_card_built_from_dealer_and_template_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ContactCard
            {
                public string Name { get; set; } = "";
                public string Email { get; set; } = "";
                public string Dealer { get; set; } = "";
                public string Template { get; set; } = "";

                public string Salutation => $"Dear {Name},";

                public string Route => $"{Dealer}/{Template}";
            }

            public sealed class ContactCards(ILogger<ContactCards> logger)
            {
                public ContactCard Prepare(Owner owner)
                {
                    var card = new ContactCard { Name = owner.FullName, Email = owner.Email, Dealer = owner.DealerCode, Template = "service-due" };
                    logger.LogDebug("Card routed to {Route}", card.Route);
                    return card;
                }
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): a computed property of an object built here is not summarised from the members it was given.")]
    public Task Computed_property_of_a_contact_card_that_greets_by_name_is_reported() =>
        // Positive control for the case above: SPEC follows computed properties and DTOs filled from a model.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ContactCard
            {
                public string Name { get; set; } = "";
                public string Email { get; set; } = "";
                public string Dealer { get; set; } = "";
                public string Template { get; set; } = "";

                public string Salutation => $"Dear {Name},";

                public string Route => $"{Dealer}/{Template}";
            }

            public sealed class ContactCards(ILogger<ContactCards> logger)
            {
                public ContactCard Prepare(Owner owner)
                {
                    var card = new ContactCard { Name = owner.FullName, Email = owner.Email, Dealer = owner.DealerCode, Template = "service-due" };
                    logger.LogDebug("Card prepared: {Salutation}", {|PII002:card.Salutation|});
                    return card;
                }
            }
            """);

    // ---------------------------------------------------------------- collections and LINQ

    [Fact]
    public Task Ids_of_fleet_owners_filtered_on_the_email_domain_and_counts_per_dealer_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class FleetReport(ILogger<FleetReport> logger)
            {
                public void Write(IReadOnlyList<Owner> owners)
                {
                    bool IsFleet(Owner o) => o.Email.EndsWith("@fleet.example", StringComparison.OrdinalIgnoreCase);

                    var fleetIds = owners.Where(IsFleet).Select(o => o.Id).ToList();
                    var retailPerDealer = owners
                        .Where(o => !IsFleet(o))
                        .GroupBy(o => o.DealerCode)
                        .Select(g => new { Dealer = g.Key, Owners = g.Count() })
                        .ToList();

                    logger.LogInformation("Fleet owners {Ids}; retail owners per dealer {Dealers}", string.Join(",", fleetIds), JsonSerializer.Serialize(retailPerDealer));
                }
            }
            """);

    [Fact]
    public Task Owners_deduplicated_by_email_with_DistinctBy_logging_the_ids_kept_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerImport(ILogger<OwnerImport> logger)
            {
                public IReadOnlyList<Guid> Deduplicate(IReadOnlyList<Owner> owners)
                {
                    var kept = owners.DistinctBy(o => o.Email.Trim().ToLowerInvariant()).Select(o => o.Id).ToList();
                    logger.LogInformation("Import kept {Kept} of {Total} owners: {Ids}", kept.Count, owners.Count, string.Join(",", kept));
                    return kept;
                }
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): GroupBy keeps its key selector's data in the groups.")]
    public Task Owners_deduplicated_by_email_with_GroupBy_logging_the_ids_kept_is_silent() =>
        // The groups are keyed by e-mail address, but what is selected from each is the newest owner's id.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerImport(ILogger<OwnerImport> logger)
            {
                public IReadOnlyList<Guid> Deduplicate(IReadOnlyList<Owner> owners)
                {
                    var kept = owners
                        .GroupBy(o => o.Email.Trim().ToLowerInvariant())
                        .Select(g => g.OrderByDescending(o => o.CreatedAt).First().Id)
                        .ToList();
                    logger.LogInformation("Import kept {Kept} of {Total} owners: {Ids}", kept.Count, owners.Count, string.Join(",", kept));
                    return kept;
                }
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): a collection is followed as one value; keys and values are not told apart.")]
    public Task Dictionary_keyed_by_email_logging_only_its_values_is_silent() =>
        // The e-mail addresses are the keys; the values logged are owner ids.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerImport(ILogger<OwnerImport> logger)
            {
                public void Deduplicate(IReadOnlyList<Owner> owners)
                {
                    var firstIdByEmail = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
                    var duplicates = 0;
                    foreach (var owner in owners)
                    {
                        if (!firstIdByEmail.TryAdd(owner.Email, owner.Id))
                        {
                            duplicates++;
                        }
                    }

                    logger.LogInformation("Import kept {Kept} owners, {Duplicates} duplicates: {Ids}", firstIdByEmail.Count, duplicates, string.Join(",", firstIdByEmail.Values));
                }
            }
            """);

    [Fact]
    public Task Dictionary_keyed_by_email_logging_its_keys_is_reported() =>
        // Positive control for the case above.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OwnerImport(ILogger<OwnerImport> logger)
            {
                public void Deduplicate(IReadOnlyList<Owner> owners)
                {
                    var firstIdByEmail = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
                    var duplicates = 0;
                    foreach (var owner in owners)
                    {
                        if (!firstIdByEmail.TryAdd(owner.Email, owner.Id))
                        {
                            duplicates++;
                        }
                    }

                    logger.LogInformation("Import kept {Kept} owners, {Duplicates} duplicates: {Addresses}", firstIdByEmail.Count, duplicates, {|PII002:string.Join(",", firstIdByEmail.Keys)|});
                }
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): a collection is followed as one value; keys and values are not told apart.")]
    public Task Dictionary_of_emails_by_owner_id_mailed_by_value_and_logged_by_key_is_silent() =>
        // Each address goes to the mail house (permitted); the log gets the dictionary's key, the owner id.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ServiceReminders(ILogger<ServiceReminders> logger, IMailHouseClient mail)
            {
                public async Task RemindAsync(IReadOnlyList<Owner> owners, CancellationToken cancellationToken)
                {
                    var emailById = owners.Where(o => o.Status == OwnerStatus.Active).ToDictionary(o => o.Id, o => o.Email);
                    foreach (var (ownerId, email) in emailById)
                    {
                        await mail.SendReminderAsync(email, "service-due", cancellationToken);
                        logger.LogDebug("Service reminder queued for owner {OwnerId}", ownerId);
                    }
                }
            }
            """);

    [Fact]
    public Task Iterator_method_yielding_ids_of_owners_with_a_mobile_is_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class CallbackPlanner(ILogger<CallbackPlanner> logger)
            {
                private static IEnumerable<Guid> ReachableIds(IEnumerable<Owner> owners)
                {
                    foreach (var owner in owners)
                    {
                        if (owner.Mobile is { Length: > 0 } && owner.Status != OwnerStatus.Lapsed)
                        {
                            yield return owner.Id;
                        }
                    }
                }

                public void Plan(IReadOnlyList<Owner> owners)
                {
                    foreach (var id in ReachableIds(owners))
                    {
                        logger.LogDebug("Callback planned for owner {OwnerId}", id);
                    }
                }
            }
            """);

    [Fact]
    public Task Rows_projected_to_records_mailed_and_logged_by_owner_id_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class RecallMailing(ILogger<RecallMailing> logger, IMailHouseClient mail)
            {
                public async Task SendAsync(IReadOnlyList<Owner> owners, CancellationToken cancellationToken)
                {
                    var rows = owners.Select(o => new MailingRow(o.Id, o.FullName, o.Email)).ToList();
                    await mail.EnqueueRowsAsync(rows, cancellationToken);
                    logger.LogInformation("Queued {Count} recall letters for owners {Ids}", rows.Count, string.Join(",", rows.Select(r => r.OwnerId)));
                }
            }
            """);

    [Fact]
    public Task Rows_projected_to_records_and_written_to_a_file_in_a_foreach_are_reported() =>
        // Positive control for the case above: the e-mail address in each row reaches the file.
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class RecallExport
            {
                public async Task ExportAsync(IReadOnlyList<Owner> owners, string path)
                {
                    var rows = owners.Select(o => new MailingRow(o.Id, o.FullName, o.Email)).ToList();
                    using var writer = new System.IO.StreamWriter(path);
                    foreach (var row in rows)
                    {
                        await writer.WriteLineAsync({|PII003:$"{row.OwnerId};{row.Email}"|});
                    }
                }
            }
            """);

    [Fact]
    public Task StringBuilder_cleared_and_reused_for_a_summary_line_after_the_mailing_is_silent() =>
        // Inside the loop the builder holds name and e-mail address for the mail house (permitted); Clear() empties it
        // before the summary is built and logged.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class DealerMailing(ILogger<DealerMailing> logger, IMailHouseClient mail)
            {
                public async Task SendAsync(IReadOnlyList<Owner> owners, string dealerCode, CancellationToken cancellationToken)
                {
                    var line = new StringBuilder();
                    foreach (var owner in owners)
                    {
                        line.Clear();
                        line.Append(owner.FullName).Append(';').Append(owner.Email);
                        await mail.EnqueueCsvLineAsync(line.ToString(), cancellationToken);
                    }

                    line.Clear();
                    line.Append("Queued ").Append(owners.Count).Append(" owners of dealer ").Append(dealerCode);
                    logger.LogInformation("{Summary}", line.ToString());
                }
            }
            """);

    // ---------------------------------------------------------------- async

    [Fact]
    public Task Counts_from_async_helpers_and_Task_WhenAll_of_visit_counts_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ServiceStatistics(ILogger<ServiceStatistics> logger)
            {
                private static async Task<int> CountDueAsync(IEnumerable<Owner> owners, DateTime cutOff, CancellationToken cancellationToken)
                {
                    await Task.Delay(1, cancellationToken);
                    return owners.Count(o => o.Status == OwnerStatus.Active && o.CreatedAt < cutOff);
                }

                private static async Task<int> VisitsAsync(Owner owner)
                {
                    await Task.Yield();
                    return owner.ServiceVisits;
                }

                public async Task ReportAsync(IReadOnlyList<Owner> owners, DateTime cutOff, CancellationToken cancellationToken)
                {
                    var due = await CountDueAsync(owners, cutOff, cancellationToken);
                    var visits = await Task.WhenAll(owners.Select(owner => VisitsAsync(owner)));
                    logger.LogInformation("{Due} owners due for a service, {Visits} visits recorded, at most {Most} for one owner", due, visits.Sum(), visits.DefaultIfEmpty().Max());
                }
            }
            """);

    [Fact]
    public Task Visit_count_awaited_from_a_service_history_given_the_VIN_is_silent() =>
        // A count is a number about the vehicle, not its VIN: SPEC stops the flow at Count, and a synchronous
        // int-returning call is already treated so; awaiting a Task<int> must not change that.
        LogVerifier.AnalyzerAsync(App + """
            public sealed class ServiceReminder(ILogger<ServiceReminder> logger, IServiceHistory history)
            {
                public async Task CheckAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var visits = await history.CountVisitsAsync(owner.Vin, cancellationToken);
                    if (visits == 0)
                    {
                        logger.LogInformation("Owner {OwnerId} has never visited a workshop", owner.Id);
                        return;
                    }

                    logger.LogInformation("Owner {OwnerId} has {Visits} workshop visits on record", owner.Id, visits);
                }
            }
            """);

    [Fact]
    public Task Owner_id_looked_up_by_email_through_a_directory_interface_is_silent() =>
        // The lookup is given an e-mail address and answers with an id (a Guid, which cannot hold an address).
        LogVerifier.AnalyzerAsync(App + """
            public sealed class EnquiryMatcher(ILogger<EnquiryMatcher> logger, IOwnerDirectory directory)
            {
                public async Task<Guid?> MatchAsync(Owner candidate, CancellationToken cancellationToken)
                {
                    var existingId = await directory.FindIdByEmailAsync(candidate.Email.Trim().ToLowerInvariant(), cancellationToken);
                    logger.LogInformation("Enquiry {EnquiryId} matched existing owner {OwnerId}", candidate.Id, existingId);
                    return existingId;
                }
            }
            """);

    // ---------------------------------------------------------------- PII001: processors

    [Fact]
    public Task Mail_house_given_a_recipient_with_only_its_permitted_members_set_is_silent() =>
        // MailRecipient can hold a mobile number, but this one is given name and e-mail address only (MailHouse's DPA).
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class ServiceDueLetters(IMailHouseClient mail)
            {
                public async Task QueueAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var recipient = new MailRecipient { Name = owner.FullName, Email = owner.Email, Template = "service-due", Dealer = owner.DealerCode };
                    await mail.EnqueueAsync(recipient, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Mail_house_given_a_recipient_with_the_mobile_number_is_reported() =>
        // Positive control for the case above.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class ServiceDueLetters(IMailHouseClient mail)
            {
                public async Task QueueAsync(Owner owner, CancellationToken cancellationToken)
                {
                    var recipient = new MailRecipient { Name = owner.FullName, Email = owner.Email, Mobile = owner.Mobile, Template = "service-due", Dealer = owner.DealerCode };
                    await mail.EnqueueAsync({|PII001:recipient|}, cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Push_client_constructed_and_configured_with_its_own_settings_and_given_the_device_token_is_silent() =>
        // The SDK's constructor and property setter are processor calls too; they get the API key, region and timeout.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class ServiceDuePush(PushOptions options)
            {
                public async Task NotifyAsync(Owner owner, [Pii(PiiCategory.DeviceIdentifier)] string deviceToken, CancellationToken cancellationToken)
                {
                    var push = new PushSdk(options.ApiKey, options.Region) { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) };
                    await push.SendAsync(deviceToken, "Service due", $"Your vehicle is due for its service at {owner.DealerCode}.", cancellationToken);
                }
            }
            """);

    [Fact]
    public Task Analytics_event_built_without_its_optional_email_is_silent() =>
        // OwnerEvent can hold an e-mail address, but this one is built from the id and the dealer only.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class OwnerTelemetry(AnalyticsSdk analytics)
            {
                public void Reactivated(Owner owner)
                {
                    var ownerEvent = new OwnerEvent { Name = "owner_reactivated", OwnerId = owner.Id, Dealer = owner.DealerCode };
                    analytics.Publish(ownerEvent);
                }
            }
            """);

    [Fact]
    public Task Analytics_event_built_with_the_contact_email_is_reported() =>
        // Positive control for the case above: ProductAnalytics may receive no category.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class OwnerTelemetry(AnalyticsSdk analytics)
            {
                public void Reactivated(Owner owner)
                {
                    var ownerEvent = new OwnerEvent { Name = "owner_reactivated", OwnerId = owner.Id, Dealer = owner.DealerCode, ContactEmail = owner.Email };
                    analytics.Publish({|PII001:ownerEvent|});
                }
            }
            """);

    [Fact(Skip = "Known limit (docs/data-flow.md): writing one member of a parameter known only by its type drops the type's other categories.")]
    public Task Owner_with_a_normalised_email_sent_whole_to_the_mail_house_is_reported() =>
        // Positive control: normalising one member changes nothing about the others. The owner still carries its mobile
        // number, postcode, date of birth and VIN, which MailHouse may not receive.
        ProcessorVerifier.AnalyzerAsync(App + """
            public sealed class MailHouseSync(IMailHouseClient mail)
            {
                public Task UpsertAsync(Owner owner, CancellationToken cancellationToken)
                {
                    owner.Email = owner.Email.Trim().ToLowerInvariant();
                    return mail.UpsertOwnerAsync({|PII001:owner|}, cancellationToken);
                }
            }
            """);

    // ---------------------------------------------------------------- PII003: storage

    [Fact]
    public Task Export_of_an_anonymous_projection_of_keys_as_JSON_and_of_ids_as_lines_is_silent() =>
        StorageVerifier.AnalyzerAsync(App + """
            public sealed class OwnerExport
            {
                public async Task ExportAsync(IReadOnlyList<Owner> owners, string path, CancellationToken cancellationToken)
                {
                    var rows = owners
                        .Where(o => o.Email.Length > 0)
                        .Select(o => new { o.Id, o.DealerCode, Status = o.Status.ToString(), Visits = o.ServiceVisits, Since = o.CreatedAt })
                        .ToList();
                    await using (var file = System.IO.File.Create(path))
                    {
                        await JsonSerializer.SerializeAsync(file, rows, cancellationToken: cancellationToken);
                    }

                    await System.IO.File.WriteAllLinesAsync(path + ".ids", owners.Select(o => o.Id.ToString("N")), cancellationToken);
                }
            }
            """);

    // ---------------------------------------------------------------- catch and finally

    [Fact]
    public Task Catch_logging_the_exception_and_order_id_and_finally_logging_the_duration_are_silent() =>
        LogVerifier.AnalyzerAsync(App + """
            public sealed class OrderConfirmation(ILogger<OrderConfirmation> logger, IMailHouseClient mail)
            {
                public async Task SendAsync(Owner owner, Guid orderId, CancellationToken cancellationToken)
                {
                    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
                    try
                    {
                        await mail.EnqueueAsync(new MailRecipient { Name = owner.FullName, Email = owner.Email, Template = "order-confirmation" }, cancellationToken);
                    }
                    catch (System.Net.Http.HttpRequestException ex)
                    {
                        logger.LogError(ex, "Confirmation for order {OrderId} failed: {Reason} ({Status})", orderId, ex.Message, ex.StatusCode);
                    }
                    finally
                    {
                        logger.LogInformation(
                            "Confirmation step for order {OrderId} took {Elapsed} ms (trace {TraceId}) at {At:O}",
                            orderId, stopwatch.ElapsedMilliseconds, System.Diagnostics.Activity.Current?.TraceId.ToString(), DateTime.UtcNow);
                    }
                }
            }
            """);
}
