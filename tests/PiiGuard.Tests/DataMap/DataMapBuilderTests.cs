using PiiGuard.Cli.DataMap;

namespace PiiGuard.Tests.DataMap;

/// <summary>The map lists every flow the engine follows, the ones the rules accept included.</summary>
public sealed class DataMapBuilderTests
{
    private const string Models = """
        using PiiGuard;
        public sealed class Customer
        {
            public int Id { get; set; }
            [Pii(PiiCategory.Name)] public string Name { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
            [Pii(PiiCategory.Health)] public string Allergies { get; set; } = "";
        }

        [ThirdPartyProcessor("Mailer", PiiCategory.Name, PiiCategory.Email)]
        public interface IMailer { void Send(object profile); }
        """;

    [Fact]
    public async Task A_processor_lists_the_permitted_categories_it_receives_and_the_refused_ones_with_their_lines()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Services/Newsletter.cs", """
            public sealed class Newsletter(IMailer mailer)
            {
                public void Subscribe(Customer c)
                {
                    mailer.Send(new { c.Name, c.Email });
                    mailer.Send(c.DateOfBirth);
                }
            }
            """));

        var mailer = map.Sink(MapSinkKind.Processor, "Mailer");
        Assert.Equal(["Name", "Email"], mailer.PermittedCategories);
        Assert.Equal(["Name", "Email", "DateOfBirth"], mailer.Categories.Select(c => c.Category));
        Assert.True(mailer.Category("Email").Permitted);
        Assert.Equal([new CodeLocation("Services/Newsletter.cs", 5)], mailer.Category("Email").Locations);
        Assert.False(mailer.Category("DateOfBirth").Permitted);
        Assert.Equal([new CodeLocation("Services/Newsletter.cs", 6)], mailer.Category("DateOfBirth").Locations);
    }

    [Fact]
    public async Task Only_permitted_data_to_a_processor_is_still_a_flow_in_the_map()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Welcome.cs", """
            public sealed class Welcome(IMailer mailer)
            {
                public void Send(Customer c) => mailer.Send(c.Email);
            }
            """));

        var email = map.Sink(MapSinkKind.Processor, "Mailer").Category("Email");
        Assert.True(email.Permitted);
        Assert.Single(map.Sinks);
    }

    [Fact]
    public async Task Encrypted_storage_is_listed_as_encrypted_beside_plain_storage()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Archive.cs", """
            using PiiGuard;
            public sealed class Vault { [StorageSink(Encrypted = true)] public void Put(string key, object body) { } }
            public sealed class Archive(Vault vault)
            {
                public void Keep(Customer c, string path)
                {
                    vault.Put("k", c.Email);
                    System.IO.File.WriteAllText(path, c.Name);
                }
            }
            """));

        Assert.True(map.Sink(MapSinkKind.Storage, "Vault.Put").Encrypted);
        Assert.Equal([new CodeLocation("Archive.cs", 7)], map.Sink(MapSinkKind.Storage, "Vault.Put").Category("Email").Locations);
        Assert.False(map.Sink(MapSinkKind.Storage, "File.WriteAllText").Encrypted);
    }

    [Fact]
    public async Task A_writer_over_a_CryptoStream_is_encrypted_storage_and_a_plain_writer_is_not()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Export.cs", """
            using System.IO;
            using System.Security.Cryptography;
            public static class Export
            {
                public static void Write(Customer c, string path)
                {
                    using var aes = Aes.Create();
                    using var file = File.Create(path);
                    using var crypto = new CryptoStream(file, aes.CreateEncryptor(), CryptoStreamMode.Write);
                    using var sealedWriter = new StreamWriter(crypto);
                    sealedWriter.WriteLine(c.Email);
                    using var plain = new StreamWriter(path + ".txt");
                    plain.WriteLine(c.Name);
                }
            }
            """));

        var writers = map.Sinks.Where(s => s.Name == "StreamWriter.WriteLine").ToList();
        Assert.Equal([(false, "Name"), (true, "Email")], writers.Select(s => (s.Encrypted, Assert.Single(s.Categories).Category)));
    }

    [Fact]
    public async Task EF_Core_entities_list_each_personal_member_encrypted_at_rest_or_not()
    {
        var map = await DataMapHarness.MapAsync(("Crm.cs", """
            using Microsoft.EntityFrameworkCore;
            using PiiGuard;
            public sealed class Lead
            {
                public int Id { get; set; }
                [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
                [Pii(PiiCategory.PhoneNumber), Encrypted] public string Phone { get; set; } = "";
            }
            public sealed class CrmContext : DbContext { public DbSet<Lead> Leads => Set<Lead>(); }
            """));

        var sinks = map.Sinks.Where(s => s.Name == "EF Core entity Lead of CrmContext.Leads").ToList();
        Assert.Equal([(false, "Email"), (true, "PhoneNumber")], sinks.Select(s => (s.Encrypted, Assert.Single(s.Categories).Category)));
        Assert.Equal([new CodeLocation("Crm.cs", 6)], sinks[0].Categories[0].Locations);
    }

    [Fact]
    public async Task Logs_and_exceptions_are_listed_and_special_categories_are_marked()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Clinic.cs", """
            using Microsoft.Extensions.Logging;
            public sealed class Clinic(ILogger<Clinic> logger)
            {
                public void Admit(Customer c)
                {
                    logger.LogInformation("Allergies {A}", c.Allergies);
                    throw new System.InvalidOperationException("No record for " + c.Name);
                }
            }
            """));

        var allergies = map.Sink(MapSinkKind.Log, "ILogger.LogInformation").Category("Health");
        Assert.Equal("Art. 9", allergies.SpecialArticle);
        Assert.Null(allergies.Permitted);
        Assert.Null(map.Sink(MapSinkKind.Exception, "InvalidOperationException").Category("Name").SpecialArticle);
    }

    [Fact]
    public async Task Values_that_carry_no_personal_data_are_not_in_the_map()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Quiet.cs", """
            using Microsoft.Extensions.Logging;
            public sealed class Quiet(ILogger<Quiet> logger, IMailer mailer)
            {
                public void Run(Customer c)
                {
                    logger.LogInformation("Customer {Id} has e-mail: {Has}", c.Id, c.Email.Length > 0);
                    logger.LogInformation("Hash {H}", System.Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(c.Email))));
                    mailer.Send(c.Id);
                }
            }
            """));

        Assert.Empty(map.Sinks);
    }

    [Fact]
    public async Task The_map_is_sorted_by_kind_sink_category_and_location_whatever_the_order_in_the_code()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Z.cs", """
            using Microsoft.Extensions.Logging;
            public sealed class Z(ILogger<Z> logger, IMailer mailer)
            {
                public void Run(Customer c, string path)
                {
                    System.IO.File.WriteAllText(path, c.Email);
                    logger.LogWarning("{N}", c.Name);
                    logger.LogInformation("{E} {N}", c.Email, c.Name);
                    mailer.Send(c.Email);
                }
            }
            """), ("A.cs", """
            using Microsoft.Extensions.Logging;
            public sealed class A(ILogger<A> logger)
            {
                public void Run(Customer c) => logger.LogInformation("{N}", c.Name);
            }
            """));

        Assert.Equal(
            ["processor Mailer", "log ILogger.LogInformation", "log ILogger.LogWarning", "storage File.WriteAllText"],
            map.Sinks.Select(s => $"{s.Kind.Id()} {s.Name}"));
        var information = map.Sink(MapSinkKind.Log, "ILogger.LogInformation");
        Assert.Equal(["Name", "Email"], information.Categories.Select(c => c.Category));
        Assert.Equal([new CodeLocation("A.cs", 4), new CodeLocation("Z.cs", 8)], information.Category("Name").Locations);
    }

    [Fact]
    public async Task Two_declarations_of_one_processor_name_permit_only_what_both_permit_whatever_order_the_flows_come_in()
    {
        var flows = await DataMapHarness.FlowsAsync([("Models.cs", Models), ("Mailers.cs", """
            using PiiGuard;
            [ThirdPartyProcessor("Mailer", PiiCategory.Name)]
            public interface INarrowMailer { void Send(object profile); }
            public sealed class Campaign(IMailer wide, INarrowMailer narrow)
            {
                public void Run(Customer c)
                {
                    wide.Send(c.Email);
                    narrow.Send(c.Email);
                    narrow.Send(c.Name);
                }
            }
            """)]);
        Assert.Equal(3, flows.Count);

        var forward = DataMapBuilder.Build("App", DataMapHarness.Directory, flows);
        var backward = DataMapBuilder.Build("App", DataMapHarness.Directory, flows.Reverse());

        Assert.Equal(MarkdownMapWriter.Write(forward), MarkdownMapWriter.Write(backward));
        Assert.Equal(JsonMapWriter.Write(forward), JsonMapWriter.Write(backward));
        var mailer = forward.Sink(MapSinkKind.Processor, "Mailer");
        Assert.Equal(["Name"], mailer.PermittedCategories);
        Assert.True(mailer.Category("Name").Permitted);
        Assert.False(mailer.Category("Email").Permitted);
        Assert.Contains(
            "Declared with different permitted categories (only what every declaration permits counts as permitted): Name, Email at Mailers.cs:8; Name at Mailers.cs:9, Mailers.cs:10.",
            MarkdownMapWriter.Write(forward),
            StringComparison.Ordinal);
    }

    [Fact]
    public void One_declaration_of_a_processor_name_has_no_conflict_note()
    {
        var location = Microsoft.CodeAnalysis.Location.Create(
            $"{DataMapHarness.Directory}/A.cs", default, new Microsoft.CodeAnalysis.Text.LinePositionSpan(new(4, 0), new(4, 1)));
        var agreement = PiiGuard.Analyzers.Flow.PiiCategorySet.Of(0);
        var map = DataMapBuilder.Build("App", DataMapHarness.Directory, [
            new CollectedFlow(MapSinkKind.Processor, "Mailer", false, agreement, PiiGuard.Analyzers.Flow.PiiCategorySet.Of(0), location),
            new CollectedFlow(MapSinkKind.Processor, "Mailer", false, agreement, PiiGuard.Analyzers.Flow.PiiCategorySet.Of(1), location),
        ]);

        var mailer = map.Sink(MapSinkKind.Processor, "Mailer");
        Assert.Null(mailer.ConflictingDeclarations);
        Assert.Equal([true, false], mailer.Categories.Select(c => c.Permitted == true));
        Assert.DoesNotContain("Declared with different", MarkdownMapWriter.Write(map), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_the_collectors_diagnostic_off_does_not_empty_the_map()
    {
        // What `dotnet_diagnostic.PIIMAP.severity = none` in an .editorconfig does to the compilation.
        var flows = await DataMapHarness.FlowsAsync(
            [("Models.cs", Models), ("Welcome.cs", """
                public sealed class Welcome(IMailer mailer)
                {
                    public void Send(Customer c) => mailer.Send(c.Email);
                }
                """)],
            options => options.WithSpecificDiagnosticOptions([new("PIIMAP", Microsoft.CodeAnalysis.ReportDiagnostic.Suppress)]));

        var map = DataMapBuilder.Build("App", DataMapHarness.Directory, flows);

        Assert.True(map.Sink(MapSinkKind.Processor, "Mailer").Category("Email").Permitted);
    }
}
