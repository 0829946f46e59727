using PiiGuard.Analyzers.Rules;
using PiiGuard.Tests.Infrastructure;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Rules.PII002;

public sealed class PersonalDataInLogTests
{
    private const string Model = """
        namespace Dealer
        {
            public sealed class Customer
            {
                public int Id { get; set; }
                [PiiGuard.Pii(PiiGuard.PiiCategory.Name)] public string Name { get; set; } = "";
                [PiiGuard.Pii(PiiGuard.PiiCategory.Email)] public string Email { get; set; } = "";
                [PiiGuard.Pii(PiiGuard.PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
                [PiiGuard.Pii(PiiGuard.PiiCategory.VehicleIdentificationNumber)] public string? Vin;
                [PiiGuard.NotPii] public string SupportEmail { get; set; } = "";
                public string Source { get; set; } = "";
            }
        }
        """;

    private static string WithModel(string code) => code + "\n" + Model;

    [Fact]
    public Task Member_passed_to_LogInformation_is_reported_with_source_and_category() =>
        Verifier.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class Customer
            {
                [Pii(PiiCategory.Email)] public string {|#1:Email|} { get; set; } = "";
            }

            class EnquiryService(ILogger<EnquiryService> logger)
            {
                void Receive(Customer customer) =>
                    logger.LogInformation("Enquiry from {Email}", {|#0:customer.Email|});
            }
            """,
            Verifier.Diagnostic("PII002").WithLocation(0).WithLocation(1)
                .WithMessage("Customer.Email (Email) reaches ILogger.LogInformation"));

    [Theory]
    [InlineData("LogTrace")]
    [InlineData("LogDebug")]
    [InlineData("LogInformation")]
    [InlineData("LogWarning")]
    [InlineData("LogError")]
    [InlineData("LogCritical")]
    public Task Every_level_extension_is_a_sink(string method) =>
        Verifier.AnalyzerAsync(WithModel($$"""
            using Dealer;
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer) => logger.{{method}}("{Vin}", {|PII002:customer.Vin|});
            }
            """));

    [Fact]
    public Task Overloads_with_event_id_exception_and_level_report_only_the_message_arguments() =>
        Verifier.AnalyzerAsync(WithModel("""
            using System;
            using Dealer;
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Fail(Customer customer, Exception error)
                {
                    logger.LogError(new EventId(7), error, "Failed for {Name}", {|PII002:customer.Name|});
                    logger.LogWarning(error, "Failed for {Email}", {|PII002:customer.Email|});
                    logger.Log(LogLevel.Information, "Born {Dob}", {|PII002:customer.DateOfBirth|});
                }
            }
            """));

    [Fact]
    public Task Member_as_the_message_itself_is_reported() =>
        Verifier.AnalyzerAsync(WithModel("""
            using Dealer;
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer) => logger.LogInformation({|PII002:customer.Email|});
            }
            """));

    [Fact]
    public Task Each_personal_argument_is_one_diagnostic() =>
        Verifier.AnalyzerAsync(WithModel("""
            using Dealer;
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer) =>
                    logger.LogInformation("{Id} {Name} {Email} {Source}",
                        customer.Id, {|PII002:customer.Name|}, {|PII002:customer.Email|}, customer.Source);
            }
            """));

    [Fact]
    public Task Console_Write_and_WriteLine_are_sinks() =>
        Verifier.AnalyzerAsync(WithModel("""
            using System;
            using Dealer;

            class Report
            {
                void Print(Customer customer)
                {
                    Console.WriteLine({|PII002:customer.Email|});
                    Console.WriteLine("{0} born {1}", {|PII002:customer.Name|}, {|PII002:customer.DateOfBirth|});
                    Console.Write({|PII002:customer.Vin|});
                }
            }
            """));

    [Fact]
    public Task Member_with_several_categories_names_them_all_in_enum_order() =>
        Verifier.AnalyzerAsync("""
            using System;
            using PiiGuard;

            class Prospect
            {
                [Pii(PiiCategory.Other)]
                [Pii(PiiCategory.Name)]
                public string {|#1:Contact|} { get; set; } = "";

                void Print() => Console.WriteLine({|#0:Contact|});
            }
            """,
            Verifier.Diagnostic("PII002").WithLocation(0).WithLocation(1)
                .WithMessage("Prospect.Contact (Name, Other) reaches Console.WriteLine"));

    [Fact]
    public Task Marking_in_a_referenced_assembly_is_seen()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<PersonalDataInLogAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = """
                class Report
                {
                    void Print(Crm.Contracts.Contact contact) => System.Console.WriteLine({|#0:contact.Phone|});
                }
                """,
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AdditionalReferences.Add(TestCompilations.Emit("""
            namespace Crm.Contracts;
            public sealed class Contact
            {
                [PiiGuard.Pii(PiiGuard.PiiCategory.PhoneNumber)] public string Phone { get; set; } = "";
            }
            """));

        // Metadata has no source location: the diagnostic has none as additional location.
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic("PII002").WithLocation(0)
            .WithMessage("Contact.Phone (PhoneNumber) reaches Console.WriteLine"));
        return test.RunAsync();
    }

    [Fact]
    public Task Unmarked_and_NotPii_members_are_silent() =>
        Verifier.AnalyzerAsync(WithModel("""
            using System;
            using Dealer;
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer)
                {
                    logger.LogInformation("Enquiry {Id} from {Source} via {Support}", customer.Id, customer.Source, customer.SupportEmail);
                    Console.WriteLine(customer.Id);
                }
            }
            """));

    [Fact]
    public Task Values_that_cannot_carry_the_data_are_silent() =>
        Verifier.AnalyzerAsync(WithModel("""
            using Dealer;
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer)
                {
                    logger.LogInformation("Email length {Length}", customer.Email.Length);
                    logger.LogInformation("Has VIN {HasVin}", customer.Vin != null);
                    logger.LogInformation("Has email {HasEmail}", string.IsNullOrEmpty(customer.Email));
                }
            }
            """));

    [Fact]
    public Task Masked_value_is_silent() =>
        Verifier.AnalyzerAsync(WithModel("""
            using Dealer;
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer) =>
                    logger.LogInformation("Enquiry from {Email}", PiiMask.Mask(customer.Email));
            }
            """));

    [Fact]
    public Task Method_named_like_a_logger_on_another_type_is_silent() =>
        Verifier.AnalyzerAsync(WithModel("""
            using Dealer;

            class Journal
            {
                public void LogInformation(string message, params object[] args) { }
                public void WriteLine(object value) { }
            }

            class EnquiryService(Journal journal)
            {
                void Receive(Customer customer)
                {
                    journal.LogInformation("Enquiry from {Email}", customer.Email);
                    journal.WriteLine(customer.Email);
                }
            }
            """));

    [Fact]
    public Task Non_logging_use_of_personal_data_is_silent() =>
        Verifier.AnalyzerAsync(WithModel("""
            using System;
            using Dealer;

            class Mailer
            {
                void Send(Customer customer)
                {
                    var to = customer.Email;
                    Console.Beep();
                    Deliver(to, customer.Name);
                }

                void Deliver(string address, string name) { }
            }
            """));

    [Fact]
    public Task Generated_code_is_not_analysed() =>
        Verifier.AnalyzerAsync(WithModel("""
            // <auto-generated/>
            using System;
            using Dealer;

            class Generated
            {
                void Print(Customer customer) => Console.WriteLine(customer.Email);
            }
            """));

    [Fact]
    public Task Code_marked_as_generated_is_not_analysed() =>
        Verifier.AnalyzerAsync(WithModel("""
            using System;
            using System.CodeDom.Compiler;
            using Dealer;

            [GeneratedCode("Scaffolder", "1.0")]
            class GeneratedPrinter
            {
                void Print(Customer customer) => Console.WriteLine(customer.Email);
            }

            class Outer
            {
                [GeneratedCode("Scaffolder", "1.0")]
                class Nested
                {
                    void Print(Customer customer) => Console.WriteLine(customer.Name);
                }

                [GeneratedCode("Scaffolder", "1.0")]
                void Print(Customer customer) => Console.WriteLine(customer.Name);

                Customer _current = new();

                [GeneratedCode("Scaffolder", "1.0")]
                string Banner
                {
                    get { Console.WriteLine(_current.Email); return ""; }
                }
            }
            """));

    [Fact]
    public Task Hidden_lines_are_silent_and_visible_ones_reported() =>
        // As the driver has it: with any #line in a file, code before the first one is hidden too.
        Verifier.AnalyzerAsync(WithModel("""
            using System;
            using Dealer;

            class Page
            {
                void Hidden(Customer customer) => Console.WriteLine(customer.Email);
            #line 1 "Page.cshtml"
                void Render(Customer customer)
                {
                    Console.WriteLine({|PII002:customer.Name|});
            #line hidden
                    Console.WriteLine(customer.Email);
            #line default
                    Console.WriteLine({|PII002:customer.Email|});
                }
            }
            """));

    [Fact]
    public Task Compilation_without_PiiGuard_reference_registers_nothing()
    {
        // No [Pii] type: the rule returns at compilation start. Console.WriteLine of anything stays silent.
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<PersonalDataInLogAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = "class C { void M(string email) => System.Console.WriteLine(email); }",
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All.Where(r => !r.Display!.Contains("PiiGuard", StringComparison.Ordinal)));
        return test.RunAsync();
    }
}
