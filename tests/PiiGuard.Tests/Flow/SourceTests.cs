using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PiiGuard.Analyzers.Rules;
using PiiGuard.Tests.Infrastructure;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Flow;

/// <summary>Where personal data comes from: PiiGuard's markings, the ecosystem's, and those of referenced assemblies.</summary>
public sealed class SourceTests
{
    public static TheoryData<string, string> Members() => new()
    {
        { "marked parameter", "void Run([Pii(PiiCategory.Email)] string email) => log.LogInformation(\"{E}\", {|PII002:email|});" },
        { "unmarked parameter", "void Run(string email) => log.LogInformation(\"{E}\", email);" },
        { "marked parameter through a local", "void Run([Pii(PiiCategory.Email)] string email) { var e = email.Trim(); log.LogInformation(\"{E}\", {|PII002:e|}); }" },
        { "marked return value", "[return: Pii(PiiCategory.PhoneNumber)] string Phone() => \"\"; void Run() => log.LogInformation(\"{P}\", {|PII002:Phone()|});" },
        { "unmarked return value", "string Phone() => \"\"; void Run() => log.LogInformation(\"{P}\", Phone());" },
        { "[NotPii] member", "class Shop { [NotPii] public string SupportEmail = \"\"; } void Run(Shop s) => log.LogInformation(\"{E}\", s.SupportEmail);" },
        { "Identity [PersonalData]", "class AppUser { [Microsoft.AspNetCore.Identity.PersonalData] public string Nickname { get; set; } = \"\"; } void Run(AppUser u) => log.LogInformation(\"{N}\", {|PII002:u.Nickname|});" },
        { "Identity [ProtectedPersonalData]", "class AppUser { [Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string Passport { get; set; } = \"\"; } void Run(AppUser u) => log.LogInformation(\"{N}\", {|PII002:u.Passport|});" },
        { "IdentityUser from the real package", "void Run(Microsoft.AspNetCore.Identity.IdentityUser u) => log.LogInformation(\"{E} {Id} {Failures}\", {|PII002:u.Email|}, {|PII002:u.Id|}, u.AccessFailedCount);" },
        { "Compliance classification subclass", """
            sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new Microsoft.Extensions.Compliance.Classification.DataClassification("Taxonomy", "Private")) { }
            }
            class Lead { [PrivateData] public string Mobile { get; set; } = ""; public string Campaign { get; set; } = ""; }
            void Run(Lead l) => log.LogInformation("{M} {C}", {|PII002:l.Mobile|}, l.Campaign);
            """ },
        { "Compliance redactor", "void Run(Customer c, Microsoft.Extensions.Compliance.Redaction.Redactor redactor) => log.LogInformation(\"{E}\", redactor.Redact(c.Email));" },
        { "IDataProtector.Protect", "void Run(Customer c, Microsoft.AspNetCore.DataProtection.IDataProtector p) => log.LogInformation(\"{E}\", Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(p, c.Email));" },
        { "IDataProtector.Protect as extension", "void Run(Customer c, Microsoft.AspNetCore.DataProtection.IDataProtector p) => log.LogInformation(\"{E}\", p.Protect(Encoding.UTF8.GetBytes(c.Email)));" },
        { "IDataProtector.Unprotect is no sanitiser", "void Run(Customer c, Microsoft.AspNetCore.DataProtection.IDataProtector p) => log.LogInformation(\"{E}\", {|PII002:Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(p, c.Email)|});" },
        { "member of a [Pii] class with an auto-property", "[Pii(PiiCategory.PhoneNumber)] class Phone { public string Digits { get; set; } = \"\"; } void Run(Phone phone) => log.LogInformation(\"{D}\", {|PII002:phone.Digits|});" },
        { "a logger of a type that holds customers holds none", "class Registry { public System.Collections.Generic.List<Customer> All { get; } = new(); } void Run(ILogger<Registry> registryLog) => Serilog.Log.Information(\"{@L}\", registryLog);" },
        { "a lazy customer holds one", "void Run(System.Lazy<Customer> lazy) => Serilog.Log.Information(\"{@L}\", {|PII002:lazy|});" },
        { "a method named like a sanitiser is not one", "static string Protect(string s) => s; static string HashData(string s) => s; void Run(Customer c) => log.LogInformation(\"{E} {H}\", {|PII002:Protect(c.Email)|}, {|PII002:HashData(c.Email)|});" },
    };

    [Theory]
    [MemberData(nameof(Members))]
    public Task Source(string construct, string members)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InClass(members));
    }

    [Fact]
    public Task Assembly_level_Redacts_sanitises_that_method_only() =>
        Verifier.AnalyzerAsync((FlowHarness.InClass("""
            void Run(Customer c)
            {
                log.LogInformation("{T}", Tokens.Tokenize(c.Email));
                log.LogInformation("{T}", {|PII002:Tokens.Echo(c.Email)|});
            }
            """) + """

            public static class Tokens
            {
                public static string Tokenize(string s) => s;
                public static string Echo(string s) => s;
            }
            """).Replace("using PiiGuard;\n", "using PiiGuard;\n[assembly: Redacts(typeof(Tokens), \"Tokenize\")]\n", StringComparison.Ordinal));

    [Fact]
    public Task Markings_of_a_referenced_assembly_count()
    {
        var test = new CSharpAnalyzerTest<PersonalDataInLogAnalyzer, DefaultVerifier>
        {
            TestCode = """
                using Microsoft.Extensions.Logging;

                class Report(ILogger log)
                {
                    void Print(Crm.Contracts.Contact contact, Crm.Contracts.ContactCard card, Crm.Contracts.Plate plate)
                    {
                        log.LogInformation("{Phone}", {|PII002:contact.Phone|});
                        log.LogInformation("{Card}", {|PII002:card|});
                        log.LogInformation("{Plate}", {|PII002:plate|});
                        log.LogInformation("{Contact} {Id}", contact, contact.Id);
                        log.LogInformation("{Display}", {|PII002:contact.Display()|});
                    }
                }
                """,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalReferences.Add(TestCompilations.Emit("""
            using PiiGuard;
            namespace Crm.Contracts;
            public sealed class Contact
            {
                public int Id { get; set; }
                [Pii(PiiCategory.PhoneNumber)] public string Phone { get; set; } = "";
                [return: Pii(PiiCategory.Name)] public string Display() => "";
            }
            public sealed record ContactCard([property: Pii(PiiCategory.Name)] string Name, int Id);
            [Pii(PiiCategory.VehicleRegistration)] public readonly record struct Plate(string Value);
            """));
        return test.RunAsync();
    }
}
