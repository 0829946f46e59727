using System.Text;
using PiiGuard.Analyzers.Rules;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Flow;

/// <summary>The messages users read: source, categories, sink and path, approved as a whole.</summary>
public sealed class MessageTests
{
    [Fact]
    public async Task Messages_name_the_source_the_categories_the_sink_and_the_path()
    {
        var source = FlowHarness.InBody("""
            var summary = "Enquiry from " + c.Email;
            log.LogInformation(summary);
            log.LogInformation("{Name}", c.FullName);
            log.LogInformation("{Name}", Helpers.Describe(c));
            audit.Write(c.Email);
            audit.Nested(c.Phone!);
            var wrapped = Helpers.Wrap(c.Email);
            Console.WriteLine(wrapped);
            log.LogInformation("{Who}", string.Join(" ", c.FirstName, c.Email));
            log.LogInformation("{Address}", address);
            """);
        var (diagnostics, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(source), new PersonalDataInLogAnalyzer());
        Assert.Empty(exceptions);

        var text = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var span = diagnostic.Location.GetLineSpan();
            text.AppendLine($"{diagnostic.Id} ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}) `{diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan)}`: {diagnostic.GetMessage()}");
            foreach (var additional in diagnostic.AdditionalLocations)
            {
                text.AppendLine($"    source at line {additional.GetLineSpan().StartLinePosition.Line + 1}: `{additional.SourceTree!.GetText().ToString(additional.SourceSpan)}`");
            }
        }

        Approvals.Verify(text.ToString());
    }
}
