using PiiGuard.Tests.Infrastructure;
using LogVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;
using ProcessorVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;

namespace PiiGuard.Tests.Flow;

/// <summary>The examples of docs/interop.md: ASP.NET Core Identity's markings as a team's user type carries them.</summary>
public sealed class InteropTests
{
    private const string User = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public sealed class DealerUser : IdentityUser
        {
            [PersonalData] public string DisplayName { get; set; } = "";
            [PersonalData, Pii(PiiCategory.Name)] public string LegalName { get; set; } = "";
            [ProtectedPersonalData, Pii(PiiCategory.DateOfBirth)] public DateOnly DateOfBirth { get; set; }
            [PersonalData, Pii(PiiCategory.Email)] public string WorkEmail { get; set; } = "";
            public string Theme { get; set; } = "";
        }

        [ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
        public interface IMarketingClient { Task SubscribeAsync(string name, string email); }

        """;

    [Fact]
    public Task Identity_markings_and_IdentityUser_members_are_personal_data_in_logs() =>
        LogVerifier.AnalyzerAsync(User + """
            public sealed class SignIn(ILogger log)
            {
                public void Run(DealerUser user)
                {
                    log.LogInformation("Signed in: {Name}", {|PII002:user.DisplayName|});
                    log.LogInformation("Signed in: {Email}", {|PII002:user.Email|});
                    log.LogInformation("Signed in: {UserId}", {|PII002:user.Id|});
                    log.LogInformation("Signed in: {Theme}", user.Theme);
                    log.LogInformation("Signed in: {Stamp}", user.ConcurrencyStamp);
                }
            }
            """);

    [Fact]
    public Task A_processor_is_checked_against_the_Pii_category_beside_an_Identity_marking_and_refuses_Other_without_one() =>
        ProcessorVerifier.AnalyzerAsync(User + """
            public sealed class Campaign(IMarketingClient marketing)
            {
                public async Task Run(DealerUser user)
                {
                    await marketing.SubscribeAsync(user.LegalName, user.WorkEmail);
                    await marketing.SubscribeAsync({|PII001:user.DisplayName|}, user.WorkEmail);
                    await marketing.SubscribeAsync(user.LegalName, {|PII001:user.Email|}!);
                }
            }
            """);

    [Fact]
    public Task Compliance_classifications_are_personal_data_and_its_redactors_and_generated_loggers_redact() =>
        LogVerifier.AnalyzerAsync("""
            using Microsoft.Extensions.Compliance.Classification;
            using Microsoft.Extensions.Compliance.Redaction;
            using Microsoft.Extensions.Logging;

            public static class DealerTaxonomy
            {
                public static DataClassification Private { get; } = new("Dealer", "Private");
            }

            public sealed class PrivateDataAttribute() : DataClassificationAttribute(DealerTaxonomy.Private);

            public sealed class Lead
            {
                [PrivateData] public string Mobile { get; set; } = "";
                public string Campaign { get; set; } = "";
            }

            public static partial class LeadLog
            {
                [LoggerMessage(Level = LogLevel.Information, Message = "Lead from {Mobile}")]
                // No logging source generator in the test: the missing implementation part is expected.
                public static partial void {|CS8795:LeadReceived|}(ILogger logger, [PrivateData] string mobile);
            }

            public sealed class Leads(ILogger<Leads> logger, Redactor redactor)
            {
                public void Run(Lead lead)
                {
                    logger.LogInformation("Lead {Mobile}", {|PII002:lead.Mobile|});
                    logger.LogInformation("Lead {Campaign}", lead.Campaign);
                    logger.LogInformation("Lead {Mobile}", redactor.Redact(lead.Mobile));
                    LeadLog.LeadReceived(logger, lead.Mobile);
                }
            }
            """);
}
