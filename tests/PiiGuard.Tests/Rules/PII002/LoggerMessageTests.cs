using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Rules.PII002;

/// <summary>High-performance logging: [LoggerMessage] methods and LoggerMessage.Define delegates.</summary>
public sealed class LoggerMessageTests
{
    private static string Source(string body) => FlowHarness.Model + $$"""

        public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
        {
            public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Taxonomy", "Private")) { }
        }

        public static partial class Log
        {
            [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Enquiry {Id} from {Email}")]
            static partial void Enquiry(ILogger logger, int id, string email);

            [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Enquiry from {Email}")]
            static partial void Classified(ILogger logger, [PrivateData] string email);

            [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Failed for {Id}")]
            static partial void Failed(ILogger logger, Exception error, int id);

            private static readonly Action<ILogger, string, Exception?> s_subscribed =
                LoggerMessage.Define<string>(LogLevel.Information, new EventId(4), "Subscribed {Email}");

            public static void Run(ILogger logger, Customer c, Exception error)
            {
                {{body}}
            }
        }
        """;

    public static TheoryData<string, string> Cases() => new()
    {
        { "[LoggerMessage] method", "Enquiry(logger, c.Id, {|PII002:c.Email|});" },
        { "[LoggerMessage] method with keys", "Enquiry(logger, c.Id, c.Source);" },
        { "classified parameter is redacted by the generator", "Classified(logger, c.Email);" },
        { "exception parameter is not message content", "Failed(logger, error, c.Id);" },
        { "LoggerMessage.Define delegate", "s_subscribed(logger, {|PII002:c.Email|}, null);" },
        { "LoggerMessage.Define delegate with a key", "s_subscribed(logger, c.Source, error);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Logger_message(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(Source(body));
    }
}
