using Microsoft.CodeAnalysis;
using LogVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;
using MisconfigurationVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.MisconfigurationAnalyzer>;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnmarkedPersonalDataAnalyzer>;

namespace PiiGuard.Tests.Rules.PII100;

public sealed class UnmarkedPersonalDataTests
{
    [Fact]
    public Task Unannotated_model_members_named_like_personal_data_are_suggested() =>
        Verifier.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            public class Enquiry
            {
                public int Id { get; set; }
                public string {|#0:FirstName|} { get; set; } = "";
                public string {|#1:Email|} { get; set; } = "";
                public string? {|#2:MobileNumber|} { get; set; }
                public DateTime? {|#3:DateOfBirth|} { get; set; }
                public string {|#4:Vin|} = "";
                public List<string> {|#5:PhoneNumbers|} { get; } = new();
                public string Model { get; set; } = "";
            }
            """,
            Info(0, "Enquiry.FirstName", "Name"),
            Info(1, "Enquiry.Email", "Email"),
            Info(2, "Enquiry.MobileNumber", "PhoneNumber"),
            Info(3, "Enquiry.DateOfBirth", "DateOfBirth"),
            Info(4, "Enquiry.Vin", "VehicleIdentificationNumber"),
            Info(5, "Enquiry.PhoneNumbers", "PhoneNumber"));

    [Fact]
    public Task Types_that_cannot_hold_the_data_are_silent() =>
        Verifier.AnalyzerAsync("""
            using System;

            public enum EmailState { Pending, Sent }

            public class Enquiry
            {
                public bool Email { get; set; }
                public int EmailSentCount { get; set; }
                public int Email2 { get; set; }
                public EmailState EmailState { get; set; }
                public EmailState Email3 { get; set; }
                public Guid Phone { get; set; }
                public DateTime Vin { get; set; }
                public bool IsEmailConfirmed { get; set; }
                public int EmailTemplateId { get; set; }
                public string[] PhoneCountryCodeList { get; set; } = [];
                public const string EmailHeader = "Email";
                public const string Email4 = "noreply@example.com";
            }
            """);

    [Fact]
    public Task Enums_are_personal_only_for_categorical_data() =>
        Verifier.AnalyzerAsync("""
            public enum Gender { Female, Male, Other }
            public enum BloodGroup { A, B, AB, O }

            public class Patient
            {
                public Gender {|#0:Gender|} { get; set; }
                public BloodGroup {|#1:BloodGroup|} { get; set; }
            }
            """,
            Info(0, "Patient.Gender", "Gender"),
            Info(1, "Patient.BloodGroup", "Health"));

    [Fact]
    public Task Marked_members_are_silent() =>
        Verifier.AnalyzerAsync("""
            using PiiGuard;

            [Pii(PiiCategory.Email)] public sealed record EmailAddress(string Value);

            public class Customer
            {
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
                [NotPii] public string SupportPhone { get; set; } = "";
                [Microsoft.AspNetCore.Identity.PersonalData] public string Postcode { get; set; } = "";
                public EmailAddress? WorkEmail { get; set; }
            }
            """);

    [Fact]
    public Task Bare_Name_and_Address_are_personal_on_person_types_only() =>
        Verifier.AnalyzerAsync("""
            public class Customer
            {
                public string {|#0:Name|} { get; set; } = "";
                public string {|#1:Address|} { get; set; } = "";
            }

            public class Product
            {
                public string Name { get; set; } = "";
                public string Address { get; set; } = "";
            }
            """,
            Info(0, "Customer.Name", "Name"),
            Info(1, "Customer.Address", "PostalAddress"));

    [Fact]
    public Task Positional_record_members_are_reported_on_the_parameter() =>
        Verifier.AnalyzerAsync("""
            public sealed record Lead(int Id, string {|#0:Email|}, [property: PiiGuard.Pii(PiiGuard.PiiCategory.Name)] string Name);
            """,
            Info(0, "Lead.Email", "Email"));

    [Fact]
    public Task Overrides_are_reported_once_on_the_member_they_override() =>
        Verifier.AnalyzerAsync("""
            public abstract class Person
            {
                public abstract string {|#0:Email|} { get; }
            }

            public sealed class Customer : Person
            {
                public override string Email => "";
            }
            """,
            Info(0, "Person.Email", "Email"));

    [Fact]
    public Task Generated_code_is_not_analysed() =>
        Verifier.AnalyzerAsync("""
            using System.CodeDom.Compiler;

            [GeneratedCode("Scaffolder", "1.0")]
            public class ScaffoldedEnquiry
            {
                public string Email { get; set; } = "";
            }

            public class Enquiry
            {
            #line 1 "Enquiry.cshtml"
                public string {|#0:FirstName|} { get; set; } = "";
            #line hidden
                public string Phone { get; set; } = "";
            #line default
            }
            """,
            Info(0, "Enquiry.FirstName", "Name"));

    [Fact]
    public Task Generated_files_are_not_analysed() =>
        Verifier.AnalyzerAsync("""
            // <auto-generated/>
            public class Enquiry
            {
                public string Email { get; set; } = "";
            }
            """);

    [Fact]
    public Task Code_without_PiiGuard_is_not_analysed()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<PiiGuard.Analyzers.Rules.UnmarkedPersonalDataAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = "public class Customer { public string Email { get; set; } = \"\"; }",
            ReferenceAssemblies = Infrastructure.TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.All.Where(r => r.Display?.Contains("PiiGuard", StringComparison.Ordinal) != true));
        return test.RunAsync();
    }

    [Fact]
    public Task Inferred_members_are_not_flow_sources_by_default() =>
        LogVerifier.AnalyzerWithOptionsAsync(Logged, editorConfig: null);

    [Fact]
    public Task Inferred_members_are_flow_sources_when_the_option_is_on() =>
        LogVerifier.AnalyzerWithOptionsAsync(
            Logged.Replace("(e.Email)", "({|#0:e.Email|})", StringComparison.Ordinal),
            "piiguard.treat_inferred_as_pii = true",
            LogVerifier.Diagnostic("PII002").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations).WithMessage("Enquiry.Email (Email) reaches Console.WriteLine"));

    [Fact]
    public Task NotPii_members_stay_silent_when_the_option_is_on() =>
        LogVerifier.AnalyzerWithOptionsAsync(
            Logged.Replace("public string Email", "[PiiGuard.NotPii] public string Email", StringComparison.Ordinal),
            "piiguard.treat_inferred_as_pii = true");

    [Fact]
    public Task Inferred_members_make_their_type_a_carrier_when_the_option_is_on() =>
        LogVerifier.AnalyzerWithOptionsAsync("""
            [PiiGuard.ThirdPartyProcessor("Marketing")]
            public sealed class MarketingClient { public void Send(object payload) { } }

            public sealed record Enquiry(int Id, string Email);

            public sealed class Sender
            {
                public void Send(Enquiry e) => System.Console.WriteLine({|#0:e|});
            }
            """,
            "piiguard.treat_inferred_as_pii = true",
            LogVerifier.Diagnostic("PII002").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task A_bad_option_value_is_reported_and_the_default_applies() =>
        MisconfigurationVerifier.AnalyzerWithOptionsAsync(
            "public class C { }",
            "piiguard.treat_inferred_as_pii = yes",
            MisconfigurationVerifier.Diagnostic("PII101").WithNoLocation()
                .WithMessage("piiguard.treat_inferred_as_pii = yes: expected true or false; false is used instead"));

    private const string Logged = """
        public sealed class Enquiry
        {
            public string Email { get; set; } = "";
            public int EmailSentCount { get; set; }
        }

        public sealed class Reporter
        {
            public void Report(Enquiry e)
            {
                System.Console.WriteLine(e.Email);
                System.Console.WriteLine(e.EmailSentCount);
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Info(int location, string member, string category) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PII100", DiagnosticSeverity.Info)
            .WithLocation(location)
            .WithMessage($"'{member}' is named like personal data ({category}); mark it [Pii(PiiCategory.{category})] or [NotPii]");
}
