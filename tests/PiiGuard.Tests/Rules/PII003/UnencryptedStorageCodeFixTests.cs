using PiiGuard.CodeFixes.Rules;
using EntityVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedEntityAnalyzer>;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules.PII003;

public sealed class UnencryptedStorageCodeFixTests
{
    [Fact]
    public Task Fix_all_marks_the_entity_members_Encrypted() =>
        EntityVerifier.CodeFixAsync<UnencryptedStorageCodeFixProvider>(
            """
            using Microsoft.EntityFrameworkCore;
            using PiiGuard;

            public class Customer
            {
                public int Id { get; set; }

                [Pii(PiiCategory.Email)]
                public string {|PII003:Email|} { get; set; } = "";

                [Pii(PiiCategory.DateOfBirth)]
                public System.DateTime {|PII003:DateOfBirth|} { get; set; }
            }

            public class CrmContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """,
            """
            using Microsoft.EntityFrameworkCore;
            using PiiGuard;

            public class Customer
            {
                public int Id { get; set; }

                [Pii(PiiCategory.Email)]
                [Encrypted]
                public string Email { get; set; } = "";

                [Pii(PiiCategory.DateOfBirth)]
                [Encrypted]
                public System.DateTime DateOfBirth { get; set; }
            }

            public class CrmContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """);

    [Fact]
    public Task Pseudonymises_what_is_written_to_a_file_or_cache() =>
        Verifier.CodeFixAsync<UnencryptedStorageCodeFixProvider>(
            """
            using System.IO;
            using Microsoft.Extensions.Caching.Distributed;
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
                [Pii(PiiCategory.VehicleRegistration)] public string Registration { get; set; } = "";
            }

            public class Export(IDistributedCache cache)
            {
                public void Write(Customer customer)
                {
                    File.AppendAllText("export.csv", {|PII003:customer.Email + ";" + customer.Registration|});
                    cache.SetString("last", {|PII003:customer.Email|});
                }
            }
            """,
            """
            using System.IO;
            using Microsoft.Extensions.Caching.Distributed;
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
                [Pii(PiiCategory.VehicleRegistration)] public string Registration { get; set; } = "";
            }

            public class Export(IDistributedCache cache)
            {
                public void Write(Customer customer)
                {
                    File.AppendAllText("export.csv", PiiPseudonymizer.Shared.Pseudonymize(customer.Email) + ";" + PiiPseudonymizer.Shared.Pseudonymize(customer.Registration));
                    cache.SetString("last", PiiPseudonymizer.Shared.Pseudonymize(customer.Email));
                }
            }
            """);

    [Fact]
    public Task A_value_whose_type_a_string_cannot_replace_gets_no_fix() =>
        Verifier.CodeFixAsync<UnencryptedStorageCodeFixProvider>(
            """
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
            }

            public class Export
            {
                public void Write(System.IO.BinaryWriter writer, Customer customer) => writer.Write({|PII003:customer.DateOfBirth.Ticks|});
            }
            """,
            """
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
            }

            public class Export
            {
                public void Write(System.IO.BinaryWriter writer, Customer customer) => writer.Write({|PII003:customer.DateOfBirth.Ticks|});
            }
            """);
}
