using PiiGuard.Tests.Flow;
using EntityVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedEntityAnalyzer>;
using MisconfigurationVerifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.MisconfigurationAnalyzer>;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.UnencryptedStorageAnalyzer>;

namespace PiiGuard.Tests.Rules.PII003;

/// <summary>piiguard.storage.encrypt_categories: which categories storage must encrypt (default: all).</summary>
public sealed class StorageOptionTests
{
    private const string Write = "System.IO.File.WriteAllText(System.IO.Path.GetTempFileName(), ";

    [Fact]
    public Task Default_requires_every_category() =>
        Verifier.AnalyzerWithOptionsAsync(FlowHarness.InBody(Write + "{|PII003:c.Email|});"), editorConfig: null);

    [Fact]
    public Task Narrowed_option_silences_other_categories() =>
        Verifier.AnalyzerWithOptionsAsync(
            FlowHarness.InBody(Write + "c.Email); " + Write + "{|PII003:c.DateOfBirth.ToString()|});"),
            "piiguard.storage.encrypt_categories = DateOfBirth, Health");

    [Fact]
    public Task Narrowed_option_applies_to_entities() =>
        EntityVerifier.AnalyzerWithOptionsAsync("""
            using Microsoft.EntityFrameworkCore;
            using PiiGuard;

            public class Patient
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
                [Pii(PiiCategory.Health)] public string {|#0:Diagnosis|} { get; set; } = "";
            }

            public class ClinicContext : DbContext
            {
                public DbSet<Patient> {|#1:Patients|} => Set<Patient>();
            }
            """,
            "piiguard.storage.encrypt_categories = health",
            EntityVerifier.Diagnostic("PII003").WithLocation(0).WithLocation(1));

    [Fact]
    public Task Explicit_all_is_the_default() =>
        Verifier.AnalyzerWithOptionsAsync(FlowHarness.InBody(Write + "{|PII003:c.Email|});"), "piiguard.storage.encrypt_categories = all");

    [Fact]
    public Task Bad_value_is_PII101_and_the_default_applies() =>
        Task.WhenAll(
            MisconfigurationVerifier.AnalyzerWithOptionsAsync(
                "class C { }\nclass D { }",
                "piiguard.storage.encrypt_categories = Email, Bogus",
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PII101", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                    .WithMessage("piiguard.storage.encrypt_categories = Email, Bogus: 'Bogus' is not a PiiCategory; all categories are used instead")),
            Verifier.AnalyzerWithOptionsAsync(FlowHarness.InBody(Write + "{|PII003:c.DateOfBirth.ToString()|});"), "piiguard.storage.encrypt_categories = Email, Bogus"));

    [Fact]
    public Task Unknown_piiguard_key_is_PII101() =>
        MisconfigurationVerifier.AnalyzerWithOptionsAsync(
            "class C { }",
            "piiguard.storage.encrypt_category = Email\nother_tool.setting = x",
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("PII101", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
                .WithMessage("'piiguard.storage.encrypt_category' is not a PiiGuard option (known: piiguard.treat_inferred_as_pii, piiguard.storage.encrypt_categories); it is ignored"));

    [Fact]
    public Task Valid_value_is_not_PII101() =>
        MisconfigurationVerifier.AnalyzerWithOptionsAsync("class C { }", "piiguard.storage.encrypt_categories = Email, PaymentCard");
}
