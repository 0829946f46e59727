using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.CodeFixes.Rules;
using PiiGuard.Tests.Flow;
using PiiGuard.Tests.Infrastructure;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer>;

namespace PiiGuard.Tests.Rules.PII001;

public sealed class ProcessorNotPermittedCodeFixTests
{
    private const string Client = """

        [ThirdPartyProcessor("MarketingCloud", PiiCategory.Name, PiiCategory.Email)]
        public interface IMarketingClient
        {
            void Send(object contact);
            void Track(string anything);
            void Birthday(DateTime date);
        }
        """;

    private static string Calls(string body) => FlowHarness.InBody("IMarketingClient m = null!;\n" + body) + Client;

    [Fact]
    public Task Fix_all_permits_every_refused_category_on_the_processor_declaration() =>
        Verifier.CodeFixAsync<ProcessorNotPermittedCodeFixProvider>(
            Calls("m.Track({|PII001:c.Phone|}!); m.Birthday({|PII001:c.DateOfBirth|}); m.Track(c.Email);"),
            Calls("m.Track(c.Phone!); m.Birthday(c.DateOfBirth); m.Track(c.Email);")
                .Replace("PiiCategory.Name, PiiCategory.Email)]", "PiiCategory.Name, PiiCategory.Email, PiiCategory.PhoneNumber, PiiCategory.DateOfBirth)]", StringComparison.Ordinal),
            equivalenceKey: "PiiGuard.PermitForProcessor");

    [Fact]
    public Task Sends_an_anonymous_object_of_the_permitted_members_instead_of_the_whole_customer() =>
        Verifier.CodeFixAsync<ProcessorNotPermittedCodeFixProvider>(
            Calls("m.Send({|PII001:c|});"),
            Calls("m.Send(new { c.Id, c.FirstName, c.LastName, c.Email, c.Source });"),
            equivalenceKey: "PiiGuard.SendPermittedMembers");

    [Fact]
    public Task The_default_fix_minimises_what_is_sent_and_never_widens_the_agreement() =>
        // The first fix is the light bulb's default and what `dotnet format` applies.
        Verifier.CodeFixAsync<ProcessorNotPermittedCodeFixProvider>(
            Calls("m.Send({|PII001:c|}); m.Track({|PII001:c.Phone|}!);"),
            Calls("m.Send(new { c.Id, c.FirstName, c.LastName, c.Email, c.Source }); m.Track(PiiPseudonymizer.Shared.Pseudonymize(c.Phone)!);"),
            iterations: 2,
            codeActionIndex: 0);

    [Fact]
    public Task Pseudonymises_a_value_sent_as_a_string() =>
        Verifier.CodeFixAsync<ProcessorNotPermittedCodeFixProvider>(
            Calls("m.Track({|PII001:c.Phone|}!); m.Birthday({|PII001:c.DateOfBirth|});"),
            // A date parameter cannot take a pseudonym: that call keeps its finding (permitting is the other fix).
            Calls("m.Track(PiiPseudonymizer.Shared.Pseudonymize(c.Phone)!); m.Birthday({|PII001:c.DateOfBirth|});"),
            equivalenceKey: "PiiGuard.Pseudonymize");

    [Fact]
    public async Task Permitting_edits_the_processor_declared_in_another_project()
    {
        var test = new CSharpCodeFixTest<PiiGuard.Analyzers.Rules.ProcessorNotPermittedAnalyzer, ProcessorNotPermittedCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            CodeActionEquivalenceKey = "PiiGuard.PermitForProcessor",

            // The testing library's fix-all check looks for changes in the diagnostic's own project only; fix-all
            // of this key is covered within one project above.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        const string Clients = """
            using PiiGuard;

            namespace Crm.Clients;

            [ThirdPartyProcessor("FinanceCo", PiiCategory.Name)]
            public interface IFinanceClient { void Quote(string applicant); }
            """;
        const string Quotes = """
            using PiiGuard;

            public class Applicant
            {
                [Pii(PiiCategory.Name)] public string Name { get; set; } = "";
                [Pii(PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
            }

            public class Quotes(Crm.Clients.IFinanceClient finance)
            {
                public void Ask(Applicant a) => finance.Quote({|PII001:a.Name + " " + a.DateOfBirth|});
            }
            """;
        test.TestState.Sources.Add(Quotes);
        test.TestState.AdditionalProjectReferences.Add("Clients");
        test.TestState.AdditionalProjects["Clients"].Sources.Add(Clients);
        test.FixedState.Sources.Add(Quotes.Replace("{|PII001:a.Name + \" \" + a.DateOfBirth|}", "a.Name + \" \" + a.DateOfBirth", StringComparison.Ordinal));
        test.FixedState.AdditionalProjectReferences.Add("Clients");
        test.FixedState.AdditionalProjects["Clients"].Sources.Add(Clients.Replace("PiiCategory.Name)]", "PiiCategory.Name, PiiCategory.DateOfBirth)]", StringComparison.Ordinal));
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(TestReferences.All);
            state.AdditionalProjects["Clients"].AdditionalReferences.AddRange(TestReferences.All);
        }

        await test.RunAsync();
    }
}
