using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;

namespace PiiGuard.Tests.Rules.PII001;

public sealed class ProcessorNotPermittedTests
{
    private const string Processors = """

        [ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
        public interface IMarketingClient
        {
            Task Subscribe(string name, string email);
            Task Send(object contact);
            Task Track(string anything);
            string Segment { get; set; }
        }

        public sealed class MarketingClient : IMarketingClient
        {
            public Task Subscribe(string name, string email) => Task.CompletedTask;
            public Task Send(object contact) => Task.CompletedTask;
            public Task Track(string anything) => Task.CompletedTask;
            public string Segment { get; set; } = "";
        }

        public sealed class FinanceGateway
        {
            [ThirdPartyProcessor("FinanceCo", PiiCategory.Name, PiiCategory.DateOfBirth)]
            public void Quote(object applicant) { }
            public void Ping(string text) { }
        }

        public static class Forwarders
        {
            public static Task Push(IMarketingClient client, object payload) => client.Send(payload);
            public static Task PushKey(IMarketingClient client, Customer customer) => client.Track(customer.Source);
        }

        public sealed class VendorSdk
        {
            public VendorSdk(string apiKey, string? contact = null) { }
            public void Upload(object payload) { }
            public static void Ping(string payload) { }
        }
        """;

    private static string Source(string body) =>
        FlowHarness.InBody("IMarketingClient m = new MarketingClient(); var finance = new FinanceGateway();\n" + body)
            .Replace("using PiiGuard;\n", "using PiiGuard;\n[assembly: ThirdPartyProcessor(typeof(VendorSdk), \"Vendor\")]\n", StringComparison.Ordinal)
        + Processors;

    public static TheoryData<string, string> Cases() => new()
    {
        { "permitted categories", "await m.Subscribe(c.FullName, c.Email);" },
        { "a category not permitted", "await m.Subscribe(c.FullName, {|PII001:c.Phone|}!);" },
        { "whole carrier object", "await m.Send({|PII001:c|});" },
        { "anonymous object of permitted members", "await m.Send(new { c.FirstName, c.Email });" },
        { "anonymous object with a refused member", "await m.Send({|PII001:new { c.Email, c.DateOfBirth }|});" },
        { "DTO holding only permitted members", "var d = new PlainDto { Email = c.Email, Source = c.Source }; await m.Send(d);" },
        { "DTO holding a refused member", "var d = new PlainDto { Email = c.Phone! }; await m.Send({|PII001:d|});" },
        { "through a local", "var who = $\"{c.FullName} <{c.Phone}>\"; await m.Track({|PII001:who|});" },
        { "non-personal values", "await m.Track(c.Source + c.Id);" },
        { "pseudonymised", "await m.Track(new PiiPseudonymizer(key).Pseudonymize(c.Phone)!);" },
        { "through the implementing class", "var impl = new MarketingClient(); await impl.Track({|PII001:c.Phone|}!);" },
        { "property setter", "m.Segment = {|PII001:c.Phone|}!;" },
        { "property setter with a permitted value", "m.Segment = c.Email;" },
        { "method-level processor, permitted", "finance.Quote(new { c.FullName, c.DateOfBirth });" },
        { "method-level processor, refused", "finance.Quote({|PII001:new { c.Email }|});" },
        { "other method of the same type", "finance.Ping(c.Email);" },
        { "assembly-level SDK constructor", "var sdk = new VendorSdk(\"key\", {|PII001:c.Email|});" },
        { "assembly-level SDK method", "var sdk = new VendorSdk(\"key\"); sdk.Upload({|PII001:c.FullName|});" },
        { "assembly-level SDK with keys only", "var sdk = new VendorSdk(\"key\"); sdk.Upload(c.Id);" },
        { "static method of an SDK type", "VendorSdk.Ping({|PII001:c.Email|});" },
        { "the object is not the argument", "var sdk = new VendorSdk(\"key\", {|PII001:c.Email|}); sdk.Upload(c.Id); sdk.Upload(\"ping\");" },
        { "carrier replaced on one path only", "if (text.Length > 1) { c = new Customer(); } await m.Send({|PII001:c|});" },
        { "carrier left alone on one path, sent after another branch", "if (text.Length > 1 && text.Length > 2) { c = new Customer(); } var copy = c; if (text == \"x\") { text = \"\"; } await m.Send({|PII001:copy|});" },
        { "carrier defaulted where missing", "c ??= new Customer(); await m.Send({|PII001:c|});" },
        { "collection of carriers", "await m.Send({|PII001:customers|});" },
        { "helper that forwards to the client", "await Forwarders.Push(m, {|PII001:c|});" },
        { "helper that forwards permitted members", "await Forwarders.Push(m, new { c.Email });" },
        { "helper that sends only a key", "await Forwarders.PushKey(m, c);" },
        { "projection of permitted members", "await m.Send(customers.Select(x => x.Email).ToList());" },
        { "sequence of carriers", "IEnumerable<Customer> all = customers; await m.Send({|PII001:all|});" },
        { "filtered sequence of carriers", "await m.Send({|PII001:customers.Where(x => x.Email != null)|});" },
        { "read-only list of carriers", "IReadOnlyList<Customer> all = customers; await m.Send({|PII001:all|});" },
        { "array of carriers", "await m.Send({|PII001:customers.ToArray()|});" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Processor(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(Source(body));
    }

    [Fact]
    public Task A_helper_whose_parameter_is_personal_itself_is_reported_inside_not_at_every_call() =>
        Verifier.AnalyzerAsync(Source("await Sync(m, c); await Sync(m, customers[0]);").Replace(
            "public class Service(ILogger log, Audit audit)\n{",
            "public class Service(ILogger log, Audit audit)\n{\n    static Task Sync(IMarketingClient client, Customer customer) => client.Send({|PII001:customer|});",
            StringComparison.Ordinal));

    [Fact]
    public Task Message_names_exactly_the_refused_categories_and_the_processor() =>
        Verifier.AnalyzerAsync(Source("await m.Send({|#0:c|});"),
            Verifier.Diagnostic("PII001").WithLocation(0).WithLocation(11, 14)
                .WithMessage("Customer (Name, Email, PhoneNumber, DateOfBirth, VehicleIdentificationNumber) reaches processor 'MarketingCloud', which is not permitted to receive PhoneNumber, DateOfBirth, VehicleIdentificationNumber"));

    [Fact]
    public Task An_ecosystem_marking_beside_a_Pii_category_adds_no_Other_category() =>
        Verifier.AnalyzerAsync(Source("await m.Subscribe(\"\", new AppUser().Email); await m.Track({|PII001:new AppUser().Nickname|});") + """

            public sealed class AppUser
            {
                [Pii(PiiCategory.Email), Microsoft.AspNetCore.Identity.PersonalData] public string Email { get; set; } = "";
                [Microsoft.AspNetCore.Identity.PersonalData] public string Nickname { get; set; } = "";
            }
            """);
}
