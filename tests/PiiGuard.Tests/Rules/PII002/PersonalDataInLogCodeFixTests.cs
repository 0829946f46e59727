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
}
