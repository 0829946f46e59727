using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Rules;
using PiiGuard.Tests.Infrastructure;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedEntityAnalyzer>;

namespace PiiGuard.Tests.Rules.PII003;

/// <summary>EF Core entities, against the real EF Core package: the finding is on the personal member, not on Add or SaveChanges.</summary>
public sealed class EntityTests
{
    [Fact]
    public Task Personal_members_of_entities_must_be_encrypted_at_rest() =>
        Verifier.AnalyzerAsync("""
            using Microsoft.EntityFrameworkCore;
            using PiiGuard;

            public class Customer
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string {|#0:Email|} { get; set; } = "";
                [Pii(PiiCategory.Name)][Encrypted] public string Name { get; set; } = "";
                [Pii(PiiCategory.PhoneNumber)][Microsoft.AspNetCore.Identity.ProtectedPersonalData] public string Phone { get; set; } = "";
                public string Source { get; set; } = "";
            }

            public class Lead
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string {|#2:Email|} = "";
            }

            public class NotAnEntity
            {
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            }

            public class CrmContext : DbContext
            {
                public DbSet<Customer> {|#1:Customers|} => Set<Customer>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Customer>();
                    {|#3:modelBuilder.Entity<Lead>()|};
                }
            }

            public class Registration(CrmContext db)
            {
                public void Save(Customer customer)
                {
                    db.Customers.Add(customer);
                    db.SaveChanges();
                }
            }
            """,
            Verifier.Diagnostic("PII003").WithLocation(0).WithLocation(1)
                .WithMessage("Customer.Email (Email) reaches unencrypted storage EF Core entity Customer of CrmContext.Customers"),
            Verifier.Diagnostic("PII003").WithLocation(2).WithLocation(3)
                .WithMessage("Lead.Email (Email) reaches unencrypted storage EF Core entity Lead mapped by ModelBuilder.Entity<Lead>()"));

    [Fact]
    public Task A_model_without_a_context_is_silent() =>
        Verifier.AnalyzerAsync("""
            using PiiGuard;

            public class Customer
            {
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            }

            public class DbSetLookalike<T> { }

            public class NotAContext
            {
                public DbSetLookalike<Customer> Customers { get; } = new();
            }
            """);

    [Fact]
    public async Task The_finding_belongs_to_the_entity_file_so_the_IDE_shows_it_while_that_file_is_edited()
    {
        var compilation = TestCompilations.Create(
            """
            using PiiGuard;

            public class Customer
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            }
            """,
            """
            using Microsoft.EntityFrameworkCore;

            public class CrmContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
                public DbSet<Customer> Archive => Set<Customer>();
            }
            """);
        var analysis = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnencryptedEntityAnalyzer()));

        // What the IDE asks for one open document: the diagnostics of that document's own analysis.
        var entityFile = compilation.SyntaxTrees.First();
        var ofEntityFile = await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(entityFile), filterSpan: null, CancellationToken.None);
        var ofContextFile = await analysis.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(compilation.SyntaxTrees.Last()), filterSpan: null, CancellationToken.None);

        // Once per member, however many DbSets map the entity.
        var finding = Assert.Single(ofEntityFile);
        Assert.Equal("PII003", finding.Id);
        Assert.Equal("Email", entityFile.GetText().ToString(finding.Location.SourceSpan));
        Assert.Empty(ofContextFile);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_entity_of_a_referenced_project_is_reported_on_the_DbSet_that_maps_it(bool asProjectReference)
    {
        // In the IDE a project reference is a compilation reference: its types have source, in another compilation.
        var library = TestCompilations.Create("""
            using PiiGuard;

            namespace Domain;

            public class Customer
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            }
            """);
        var app = TestCompilations.Create("""
            using Microsoft.EntityFrameworkCore;

            public class CrmContext : DbContext
            {
                public DbSet<Domain.Customer> Customers => Set<Domain.Customer>();
            }
            """).AddReferences(asProjectReference ? library.ToMetadataReference() : TestCompilations.Emit(library.SyntaxTrees[0].ToString()));

        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(app, new UnencryptedEntityAnalyzer());

        Assert.Empty(exceptions);
        var finding = Assert.Single(diagnostics);
        Assert.Equal("Customers", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
        Assert.Equal("Customer.Email (Email) reaches unencrypted storage EF Core entity Customer of CrmContext.Customers", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(finding.Properties.ContainsKey(UnencryptedEntityAnalyzer.OnEntityMemberProperty));
    }

    [Fact]
    public async Task A_member_declared_in_a_generated_part_of_an_entity_is_not_reported()
    {
        // The finding lands on the member's declaration, in whichever file that is: the driver's check for generated code applies.
        var compilation = TestCompilations.Create(
            """
            using PiiGuard;

            public partial class Customer
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            }
            """,
            """
            // <auto-generated/>
            using PiiGuard;

            public partial class Customer
            {
                [Pii(PiiCategory.PhoneNumber)] public string Phone { get; set; } = "";
            }
            """,
            """
            using Microsoft.EntityFrameworkCore;

            public class CrmContext : DbContext
            {
                public DbSet<Customer> Customers => Set<Customer>();
            }
            """);

        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(compilation, new UnencryptedEntityAnalyzer());

        Assert.Empty(exceptions);
        var finding = Assert.Single(diagnostics);
        Assert.Equal("Email", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }
}
