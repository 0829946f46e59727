using PiiGuard.CodeFixes.Rules;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Rules.PII002;

public sealed class PersonalDataInLogCodeFixTests
{
    private const string Model = """

        class Customer
        {
            [PiiGuard.Pii(PiiGuard.PiiCategory.Email)] public string Email { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
        }
        """;

    [Fact]
    public Task Wraps_the_argument_in_PiiMask_and_adds_the_using() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer) =>
                    logger.LogInformation("Enquiry from {Email}", {|PII002:customer.Email|});
            }
            """ + Model,
            """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer) =>
                    logger.LogInformation("Enquiry from {Email}", PiiMask.Mask(customer.Email));
            }
            """ + Model);

    [Fact]
    public Task Masks_a_value_that_is_not_a_string_through_the_object_overload() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using PiiGuard;

            class Report
            {
                void Print(Customer customer) => System.Console.WriteLine("Born {0}", {|PII002:customer.DateOfBirth|});
            }
            """ + Model,
            """
            using PiiGuard;

            class Report
            {
                void Print(Customer customer) => System.Console.WriteLine("Born {0}", PiiMask.Mask(customer.DateOfBirth));
            }
            """ + Model);

    [Fact]
    public Task Fix_all_masks_every_argument_and_keeps_comments() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer)
                {
                    logger.LogInformation("{Email} {Dob}", {|PII002:customer.Email|} /* who */, {|PII002:customer.DateOfBirth|});
                    System.Console.WriteLine({|PII002:customer.Email|});
                }
            }
            """ + Model,
            """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer)
                {
                    logger.LogInformation("{Email} {Dob}", PiiMask.Mask(customer.Email) /* who */, PiiMask.Mask(customer.DateOfBirth));
                    System.Console.WriteLine(PiiMask.Mask(customer.Email));
                }
            }
            """ + Model);

    [Fact]
    public Task Name_clash_keeps_the_qualified_name() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            class PiiMask { }

            class Report
            {
                void Print(Customer customer) => System.Console.WriteLine({|PII002:customer.Email|});
            }
            """ + Model,
            // Roslyn's import adder declines the using (it would not bind) but leaves the blank line it reserved.
            """

            class PiiMask { }

            class Report
            {
                void Print(Customer customer) => System.Console.WriteLine(PiiGuard.PiiMask.Mask(customer.Email));
            }
            """ + Model);

    [Fact]
    public Task Masks_only_the_interpolation_hole_that_carries_the_data() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using PiiGuard;

            class Report
            {
                void Print(Customer customer) => System.Console.WriteLine({|PII002:$"Enquiry from {customer.Email} on {System.DateTime.Today}"|});
            }
            """ + Model,
            """
            using PiiGuard;

            class Report
            {
                void Print(Customer customer) => System.Console.WriteLine($"Enquiry from {PiiMask.Mask(customer.Email)} on {System.DateTime.Today}");
            }
            """ + Model);

    [Fact]
    public Task Pseudonymises_the_value_with_the_shared_keyed_hash() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer)
                {
                    logger.LogInformation("Enquiry from {Email} born {Dob}", {|PII002:customer.Email|}, {|PII002:customer.DateOfBirth|});
                }
            }
            """ + Model,
            """
            using Microsoft.Extensions.Logging;
            using PiiGuard;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer)
                {
                    logger.LogInformation("Enquiry from {Email} born {Dob}", PiiPseudonymizer.Shared.Pseudonymize(customer.Email), PiiPseudonymizer.Shared.Pseudonymize(customer.DateOfBirth));
                }
            }
            """ + Model,
            equivalenceKey: "PiiGuard.Pseudonymize");

    [Fact]
    public Task Removes_the_argument_and_its_placeholder() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer, int id)
                {
                    logger.LogInformation("Enquiry {Id} from {Email}", id, {|PII002:customer.Email|});
                }
            }
            """ + Model,
            """
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer, int id)
                {
                    logger.LogInformation("Enquiry {Id}", id);
                }
            }
            """ + Model,
            equivalenceKey: "PiiGuard.RemoveFromLog");

    [Fact]
    public Task Fix_all_removes_every_argument_of_one_call_with_its_placeholder() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using Microsoft.Extensions.Logging;
            using Serilog;

            class EnquiryService(Microsoft.Extensions.Logging.ILogger logger, Serilog.ILogger serilog)
            {
                void Receive(Customer customer, int id)
                {
                    logger.LogWarning("Enquiry from {Email} ({Dob}) as {Id}", {|PII002:customer.Email|}, {|PII002:customer.DateOfBirth|}, id);
                    serilog.Information("Enquiry {Id} from {Email}.", id, {|PII002:customer.Email|});
                    System.Console.WriteLine("{0} wrote {1} at {2}", {|PII002:customer.Email|}, id, {|PII002:customer.DateOfBirth|});
                }
            }
            """ + Model,
            """
            using Microsoft.Extensions.Logging;
            using Serilog;

            class EnquiryService(Microsoft.Extensions.Logging.ILogger logger, Serilog.ILogger serilog)
            {
                void Receive(Customer customer, int id)
                {
                    logger.LogWarning("Enquiry as {Id}", id);
                    serilog.Information("Enquiry {Id}.", id);
                    System.Console.WriteLine("wrote {0}", id);
                }
            }
            """ + Model,
            equivalenceKey: "PiiGuard.RemoveFromLog");

    [Fact]
    public Task Removal_is_not_offered_when_the_template_does_not_match_the_arguments() =>
        Verifier.CodeFixAsync<PersonalDataInLogCodeFixProvider>(
            """
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer, string template)
                {
                    logger.LogInformation(template, {|PII002:customer.Email|});
                    logger.LogInformation("Enquiry from {Email} {Extra}", {|PII002:customer.Email|});
                    System.Console.WriteLine({|PII002:customer.Email|});
                }
            }
            """ + Model,
            """
            using Microsoft.Extensions.Logging;

            class EnquiryService(ILogger logger)
            {
                void Receive(Customer customer, string template)
                {
                    logger.LogInformation(template, {|PII002:customer.Email|});
                    logger.LogInformation("Enquiry from {Email} {Extra}", {|PII002:customer.Email|});
                    System.Console.WriteLine({|PII002:customer.Email|});
                }
            }
            """ + Model,
            equivalenceKey: "PiiGuard.RemoveFromLog");
}
