using PiiGuard.Cli;
using PiiGuard.Cli.Baseline;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Tests.DataMap;

/// <summary>The baseline records destination → categories; the check fails on a new category and passes on moved or removed code.</summary>
public sealed class BaselineTests
{
    private const string Models = """
        using PiiGuard;
        public sealed class Customer
        {
            [Pii(PiiCategory.Name)] public string Name { get; set; } = "";
            [Pii(PiiCategory.Email)] public string Email { get; set; } = "";
            [Pii(PiiCategory.DateOfBirth)] public System.DateTime DateOfBirth { get; set; }
        }
        """;

    private const string Logging = """
        using Microsoft.Extensions.Logging;
        public sealed class Service(ILogger<Service> logger)
        {
            public void Run(Customer c)
            {
                logger.LogInformation("{N}", c.Name);
            }
        }
        """;

    [Fact]
    public async Task A_written_baseline_reads_back_and_the_same_code_passes()
    {
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Service.cs", Logging));

        var baseline = BaselineFile.Parse(BaselineFile.Write(DataMapBaseline.From(map)), "piiguard.datamap.json");

        Assert.Equal(["log ILogger.LogInformation: Name"], baseline.Entries.Select(e => $"{e.Kind.Id()} {e.Sink}: {string.Join(", ", e.Categories)}"));
        var report = DriftReport.Compare(baseline, map);
        Assert.False(report.Fails);
        Assert.Equal("The code sends personal data only where piiguard.datamap.json records.\n", report.Describe("piiguard.datamap.json", "piiguard map . --write-baseline"));
    }

    [Fact]
    public async Task A_new_category_to_a_destination_fails_and_names_the_sink_the_category_and_the_line()
    {
        var baseline = DataMapBaseline.From(await DataMapHarness.MapAsync(("Models.cs", Models), ("Service.cs", Logging)));
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Service.cs", Logging.Replace("c.Name);", "c.Name);\n        logger.LogInformation(\"{D}\", c.DateOfBirth);", StringComparison.Ordinal)));

        var report = DriftReport.Compare(baseline, map);

        Assert.True(report.Fails);
        Assert.Equal(
            """
            New flows of personal data that piiguard.datamap.json does not record:
            + log "ILogger.LogInformation" receives DateOfBirth at Service.cs:7
            Review them. If they are intended, record them in the baseline with: piiguard map . --write-baseline

            """.ReplaceLineEndings("\n"),
            report.Describe("piiguard.datamap.json", "piiguard map . --write-baseline"));
    }

    [Fact]
    public async Task Moving_the_code_passes_because_the_baseline_holds_no_locations()
    {
        var baseline = DataMapBaseline.From(await DataMapHarness.MapAsync(("Models.cs", Models), ("Service.cs", Logging)));
        var moved = await DataMapHarness.MapAsync(("Models.cs", Models), ("Elsewhere/Moved.cs", "\n\n" + Logging));

        Assert.False(DriftReport.Compare(baseline, moved).Fails);
    }

    [Fact]
    public async Task A_flow_gone_from_the_code_passes_and_is_reported_as_removable()
    {
        var baseline = DataMapBaseline.From(await DataMapHarness.MapAsync(("Models.cs", Models), ("Service.cs", Logging)));
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Service.cs", Logging.Replace("c.Name", "c.Name.Length", StringComparison.Ordinal)));

        var report = DriftReport.Compare(baseline, map);

        Assert.False(report.Fails);
        Assert.Contains("- log \"ILogger.LogInformation\" receives Name", report.Describe("b.json", "cmd"), StringComparison.Ordinal);
        Assert.Contains("can be removed from the baseline", report.Describe("b.json", "cmd"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_newly_refused_by_a_processor_is_marked_not_permitted_in_the_report()
    {
        const string Processor = """
            using PiiGuard;
            [ThirdPartyProcessor("Mailer", PiiCategory.Email)]
            public interface IMailer { void Send(object profile); }
            public sealed class Newsletter(IMailer mailer) { public void Run(Customer c) => mailer.Send(c.Email); }
            """;
        var baseline = DataMapBaseline.From(await DataMapHarness.MapAsync(("Models.cs", Models), ("Mailer.cs", Processor)));
        var map = await DataMapHarness.MapAsync(("Models.cs", Models), ("Mailer.cs", Processor.Replace("mailer.Send(c.Email)", "mailer.Send(new { c.Email, c.DateOfBirth })", StringComparison.Ordinal)));

        var text = DriftReport.Compare(baseline, map).Describe("b.json", "cmd");

        Assert.Contains("+ processor \"Mailer\" receives DateOfBirth (not permitted by its agreement) at Mailer.cs:4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("receives Email", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"version\": 1,\n  \"log\": { \"ILogger.LogInformation\": [\"Name\" }\n}", "at line 2")]
    [InlineData("{ \"version\": 1,\n  \"log\": { \"ILogger.LogInformation\": \"Name\" }\n}", "at line 2")]
    [InlineData("{ \"version\": 1,\n  \"logs\": {}\n}", "at line 2")]
    [InlineData("{ \"version\": 1, \"log\": { \"Console.WriteLine\": [\"Mail\"] } }", "'Mail' under log \"Console.WriteLine\" is not a PiiCategory")]
    [InlineData("{ \"log\": {} }", "\"version\" must be 1")]
    [InlineData("", "at line 1")]
    [InlineData("{ \"version\": 1,\n  \"log\": {\n    \"ILogger.LogInformation\": [\"Name\", null]\n  }\n}", "at line 3: a category cannot be null")]
    [InlineData("{ \"version\": 1,\n  \"processor\": { \"Mailer\": [\n    null\n  ] }\n}", "at line 3: a category cannot be null")]
    public void A_malformed_baseline_is_a_one_line_error_that_says_where(string text, string expected)
    {
        var error = Assert.Throws<ToolError>(() => BaselineFile.Parse(text, "piiguard.datamap.json"));

        Assert.StartsWith("piiguard.datamap.json is not a valid baseline", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_baseline_file_is_sorted_with_every_kind_present_so_a_change_is_a_small_diff()
    {
        var baseline = new DataMapBaseline([
            new BaselineEntry(MapSinkKind.Log, "ILogger.LogInformation", ["Email", "Name"]),
            new BaselineEntry(MapSinkKind.Log, "Console.WriteLine", ["PhoneNumber"]),
        ]);

        Assert.Equal(
            """
            {
              "version": 1,
              "processor": {},
              "log": {
                "Console.WriteLine": [
                  "PhoneNumber"
                ],
                "ILogger.LogInformation": [
                  "Name",
                  "Email"
                ]
              },
              "storage": {},
              "exception": {}
            }

            """.ReplaceLineEndings("\n"),
            BaselineFile.Write(baseline));
    }

    [Fact]
    public async Task Criminal_offence_data_is_named_Art_10_criminal_offence_data_not_a_special_category()
    {
        const string Records = """
            using PiiGuard;
            using Microsoft.Extensions.Logging;
            public sealed class Record { [Pii(PiiCategory.CriminalOffence)] public string Conviction { get; set; } = ""; [Pii(PiiCategory.Health)] public string Allergy { get; set; } = ""; }
            public sealed class Screening(ILogger<Screening> logger)
            {
                public void Run(Record r) => logger.LogInformation("{C} {A}", r.Conviction, r.Allergy);
            }
            """;
        var map = await DataMapHarness.MapAsync(("Records.cs", Records));

        var text = DriftReport.Compare(new DataMapBaseline([]), map).Describe("b.json", "cmd");

        Assert.Contains("receives CriminalOffence (Art. 10 criminal offence data) at Records.cs:6", text, StringComparison.Ordinal);
        Assert.Contains("receives Health (Art. 9 special category) at Records.cs:6", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Art. 10 special", text, StringComparison.Ordinal);
    }
}
