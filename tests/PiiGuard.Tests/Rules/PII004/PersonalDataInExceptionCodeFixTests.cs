using PiiGuard.CodeFixes.Rules;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;

namespace PiiGuard.Tests.Rules.PII004;

public sealed class PersonalDataInExceptionCodeFixTests
{
    private const string Model = """

        class Customer
        {
            public int Id { get; set; }
            [PiiGuard.Pii(PiiGuard.PiiCategory.Email)] public string Email { get; set; } = "";
            [PiiGuard.Pii(PiiGuard.PiiCategory.VehicleRegistration)] public string Registration { get; set; } = "";
        }
        """;

    [Fact]
    public Task Masks_the_message_hole_and_the_argument() =>
        Verifier.CodeFixAsync<PersonalDataInExceptionCodeFixProvider>(
            """
            using System;

            class Bookings
            {
                void Check(Customer customer)
                {
                    if (customer.Id == 0)
                    {
                        throw new InvalidOperationException({|PII004:$"No booking for {customer.Email} ({customer.Registration})"|});
                    }

                    throw new ArgumentException("Unknown customer", {|PII004:customer.Email|});
                }
            }
            """ + Model,
            """
            using System;
            using PiiGuard;

            class Bookings
            {
                void Check(Customer customer)
                {
                    if (customer.Id == 0)
                    {
                        throw new InvalidOperationException($"No booking for {PiiMask.Mask(customer.Email)} ({PiiMask.Mask(customer.Registration)})");
                    }

                    throw new ArgumentException("Unknown customer", PiiMask.Mask(customer.Email));
                }
            }
            """ + Model);

    [Fact]
    public Task Pseudonymises_the_value_so_support_can_still_correlate() =>
        Verifier.CodeFixAsync<PersonalDataInExceptionCodeFixProvider>(
            """
            class Bookings
            {
                void Check(Customer customer) =>
                    throw new System.InvalidOperationException({|PII004:"No booking for " + customer.Email|});
            }
            """ + Model,
            """
            using PiiGuard;

            class Bookings
            {
                void Check(Customer customer) =>
                    throw new System.InvalidOperationException("No booking for " + PiiPseudonymizer.Shared.Pseudonymize(customer.Email));
            }
            """ + Model,
            equivalenceKey: "PiiGuard.Pseudonymize");
}
