using PiiGuard.Tests.Infrastructure;
using PiiGuard.Tests.Meta;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// A call to a partial method binds to its defining declaration, which has no body; the body is the implementing
/// declaration's (often in another file, beside generated code). The engine follows the call into that body.
/// </summary>
public sealed class PartialMethodTests
{
    private const string Models = """
        using PiiGuard;

        public sealed class Customer
        {
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            public int Visits { get; set; }
        }
        """;

    // The defining part (as a generator or a scaffolded model declares it) and the caller.
    private const string Declaring = """
        using Microsoft.Extensions.Logging;

        public sealed partial class Notifier
        {
            private readonly ILogger<Notifier> _logger;

            public Notifier(ILogger<Notifier> logger) { _logger = logger; }

            public void Notify(Customer customer) => Relay(customer.Email);

            public void Count(Customer customer) => Relay(customer.Visits.ToString());

            partial void Relay(string address);
        }
        """;

    [Theory]
    [InlineData("partial void Relay(string address) => _logger.LogInformation(\"Sent to {Address}\", address);", 1)]
    [InlineData("partial void Relay(string address) => _ = address.Length;", 0)]
    public async Task A_call_to_a_partial_method_reaches_what_its_implementing_part_does(string implementation, int findings)
    {
        var implementing = $$"""
            using Microsoft.Extensions.Logging;

            public sealed partial class Notifier
            {
                {{implementation}}
            }
            """;

        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(Models, Declaring, implementing), [.. AllAnalyzers.Analyzers]);

        Assert.Empty(exceptions);
        var reported = diagnostics.Where(d => d.Id == "PII002").ToList();
        Assert.Equal(findings, reported.Count);
        Assert.All(reported, d => Assert.Equal("customer.Email", d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
    }

    [Theory]
    [InlineData("partial void Keep(Customer customer);", "partial void Keep(Customer customer) { _last = customer.Email; }")]
    [InlineData("", "private void Keep(Customer customer) { _last = customer.Email; }")] // the same without a partial method
    public async Task A_field_the_implementing_part_writes_holds_what_it_wrote(string definition, string implementation)
    {
        var declaring = $$"""
            using Microsoft.Extensions.Logging;

            public sealed partial class Ledger
            {
                private readonly ILogger<Ledger> _logger;
                private string _last = "";

                public Ledger(ILogger<Ledger> logger) { _logger = logger; }

                public void Remember(Customer customer) => Keep(customer);

                public void Flush() => _logger.LogInformation("Last {Address}", _last);

                {{definition}}
            }
            """;
        var implementing = $$"""
            public sealed partial class Ledger
            {
                {{implementation}}
            }
            """;

        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(Models, declaring, implementing), [.. AllAnalyzers.Analyzers]);

        Assert.Empty(exceptions);
        var reported = Assert.Single(diagnostics, d => d.Id == "PII002");
        Assert.Equal("_last", reported.Location.SourceTree!.GetText().ToString(reported.Location.SourceSpan));
    }
}
