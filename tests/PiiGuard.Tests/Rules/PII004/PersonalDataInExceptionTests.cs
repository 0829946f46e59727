using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInExceptionAnalyzer>;

namespace PiiGuard.Tests.Rules.PII004;

public sealed class PersonalDataInExceptionTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "interpolated message", "if (text == \"\") throw new InvalidOperationException({|PII004:$\"No dealer for {c.Email}\"|});" },
        { "message of the key", "if (text == \"\") throw new InvalidOperationException($\"No dealer for customer {c.Id}\");" },
        { "System.Exception itself", "if (text == \"\") throw new Exception({|PII004:c.Phone|});" },
        { "ArgumentException message and parameter name", "if (text == \"\") throw new ArgumentException({|PII004:\"Bad address \" + c.Email|}, nameof(c.Email));" },
        { "nameof is no data", "if (c.Email == null) throw new ArgumentNullException(nameof(c.Email));" },
        { "through a local", "var reason = \"Blocked: \" + c.FullName; if (text == \"\") throw new InvalidOperationException({|PII004:reason|});" },
        { "masked", "if (text == \"\") throw new InvalidOperationException($\"No dealer for {PiiMask.Mask(c.Email)}\");" },
        { "inner exception is not message content", "try { } catch (Exception e) { throw new InvalidOperationException(\"Lookup failed\", e); }" },
        { "exception created, not thrown", "var error = new KeyNotFoundException({|PII004:c.Email|}); log.LogError(error, \"Lookup failed\");" },
        { "a throw helper that prints the value", "ArgumentOutOfRangeException.ThrowIfGreaterThan({|PII004:c.DateOfBirth|}, DateTime.Today);" },
        { "a throw helper given a key", "ArgumentOutOfRangeException.ThrowIfNegative(c.Id);" },
        { "a throw helper that prints only the argument's name", "ArgumentException.ThrowIfNullOrEmpty(c.Email); ArgumentNullException.ThrowIfNull(c.Phone);" },
        { "custom exception", "if (text == \"\") throw new CustomerNotFoundException({|PII004:c.Email|});" },
        { "custom exception with the key", "if (text == \"\") throw new CustomerNotFoundException(c.Id.ToString());" },
        { "helper that throws", "if (text == \"\") Guard.Fail({|PII004:c.Email|});" },
        { "helper that throws, clean argument", "if (text == \"\") Guard.Fail(c.Source);" },
        { "a class named like an exception that is not one", "var e = new NotAnException(c.Email);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Exception_message(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InBody(body) + """

            public sealed class CustomerNotFoundException(string customer) : Exception("Customer not found: " + customer);
            public sealed class NotAnException(string message) { public string Message { get; } = message; }
            public static class Guard { public static void Fail(string detail) => throw new InvalidOperationException("Failed: " + detail); }
            """);
    }

    [Fact]
    public Task A_custom_exception_whose_constructor_builds_the_base_message_from_personal_data_is_reported_there() =>
        // `: base(message)` gives the library's Exception its message, as `new Exception(message)` does.
        Verifier.AnalyzerAsync(FlowHarness.InBody("if (text == \"\") throw new DuplicateCustomerException(c);") + """

            public sealed class DuplicateCustomerException : Exception
            {
                public DuplicateCustomerException(Customer customer)
                    : base({|#0:$"A customer with the e-mail address {customer.Email} already exists."|}) { }
            }
            """,
            Verifier.Diagnostic("PII004").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("Customer.Email (Email) is put into the message of DuplicateCustomerException"));

    [Fact]
    public Task A_custom_exception_whose_constructor_builds_the_base_message_from_the_key_is_silent() =>
        Verifier.AnalyzerAsync(FlowHarness.InBody("if (text == \"\") throw new DuplicateCustomerException(c);") + """

            public sealed class DuplicateCustomerException : Exception
            {
                public DuplicateCustomerException(Customer customer)
                    : base($"Customer {customer.Id} already exists.") { }
            }
            """);

    [Fact]
    public Task A_constructor_chained_with_this_reports_where_the_personal_data_is_given() =>
        // The message is built from a parameter in the constructor that calls base: reported at `: this(…)`, given the e-mail.
        Verifier.AnalyzerAsync(FlowHarness.InBody("if (text == \"\") throw new DuplicateCustomerException(c);") + """

            public sealed class DuplicateCustomerException : Exception
            {
                public DuplicateCustomerException(Customer customer)
                    : this({|PII004:customer.Email|}) { }

                private DuplicateCustomerException(string email)
                    : base("A customer already uses " + email) { }
            }
            """);

    [Fact]
    public Task Message_names_the_exception_type() =>
        Verifier.AnalyzerAsync(FlowHarness.InBody("if (text == \"\") throw new InvalidOperationException({|#0:c.Email|});"),
            Verifier.Diagnostic("PII004").WithLocation(0).WithLocation(15, 44)
                .WithMessage("Customer.Email (Email) is put into the message of InvalidOperationException"));
}
