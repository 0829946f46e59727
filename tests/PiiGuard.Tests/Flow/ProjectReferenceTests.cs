using PiiGuard.Analyzers.Rules;
using PiiGuard.Tests.Infrastructure;
using PiiGuard.Tests.Meta;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// A project reference in the IDE or in MSBuildWorkspace is a compilation reference: its methods have
/// source, in another compilation. The engine treats them as library calls instead of reading their bodies.
/// </summary>
public sealed class ProjectReferenceTests
{
    [Fact]
    public async Task A_method_of_a_referenced_project_is_a_library_call_and_the_data_still_reaches_the_log()
    {
        var library = TestCompilations.Create("""
            namespace Shared;
            public static class Text { public static string Echo(string value) => value.Trim(); }
            """);
        var app = TestCompilations.Create("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            public sealed class Customer { [Pii(PiiCategory.Email)] public string Email { get; set; } = ""; }
            public sealed class Service(ILogger<Service> logger)
            {
                public void Run(Customer c) => logger.LogInformation("{E}", Shared.Text.Echo(c.Email));
            }
            """).AddReferences(library.ToMetadataReference());

        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(app, [.. AllAnalyzers.Analyzers]);

        Assert.Empty(exceptions);
        Assert.Single(diagnostics, d => d.Id == "PII002");
    }

    [Fact]
    public async Task A_referenced_project_that_only_counts_the_data_is_no_leak_either()
    {
        var library = TestCompilations.Create("""
            namespace Shared;
            public static class Text { public static bool Present(string value) => value.Length > 0; }
            """);
        var app = TestCompilations.Create("""
            using Microsoft.Extensions.Logging;
            using PiiGuard;
            public sealed class Customer { [Pii(PiiCategory.Email)] public string Email { get; set; } = ""; }
            public sealed class Service(ILogger<Service> logger)
            {
                public void Run(Customer c) => logger.LogInformation("{E}", Shared.Text.Present(c.Email));
            }
            """).AddReferences(library.ToMetadataReference());

        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(app, new PersonalDataInLogAnalyzer());

        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }
}
