using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// The scans that spare bodies the analysis: which bodies they let through and which they skip. That they
/// never skip a body with findings is checked by every other test (debug builds analyse what they skip).
/// </summary>
public sealed class ScanTests
{
    private const string Source = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class Customer
        {
            public int Id { get; set; }

            [Pii(PiiCategory.Email)]
            public string Email { get; set; } = "";
        }

        public class Box
        {
            public string Value { get; set; } = "";
        }

        public class Service(ILogger log)
        {
            public int Length(Customer c) => c.Email.Length;

            public void Clock(Customer c)
            {
                var email = c.Email;
                var valid = Validate(email);
                log.LogInformation("Checked at {At}", System.DateTime.UtcNow);
            }

            public void Counted(List<Customer> customers)
            {
                var emails = new List<string>();
                foreach (var customer in customers) { emails.Add(customer.Email); }
                log.LogInformation("{Count} customers", 42);
            }

            public void Key(Customer c) => log.LogInformation("Customer {Id}", c.Id);

            public void KeyOfCopy(Customer c)
            {
                var box = new Box { Value = c.Email };
                log.LogInformation("{Length}", box.Value);
            }

            public void Direct(Customer c)
            {
                var e = c.Email;
                log.LogInformation("{E}", e);
            }

            public void ThroughList(Customer c)
            {
                var list = new List<string>();
                list.Add(c.Email);
                log.LogInformation("{L}", string.Join(",", list));
            }

            public void ThroughObject(Customer c)
            {
                var box = new Box();
                box.Value = c.Email;
                log.LogInformation("{V}", box.Value);
            }

            public void ThroughLoop(List<Customer> customers)
            {
                var last = "";
                foreach (var customer in customers) { last = customer.Email; }
                log.LogInformation("{Last}", last);
            }

            public void ThroughHelper(Customer c) => Audit(c.Email);

            private void Audit(string entry) => log.LogInformation(entry);

            private static bool Validate(string e) => e.Contains('@');
        }
        """;

    [Theory]
    [InlineData("Length", false, false)]
    [InlineData("Clock", true, false)]
    [InlineData("Counted", true, false)]
    [InlineData("Key", true, false)]
    [InlineData("KeyOfCopy", true, true)]
    [InlineData("Direct", true, true)]
    [InlineData("ThroughList", true, true)]
    [InlineData("ThroughObject", true, true)]
    [InlineData("ThroughLoop", true, true)]
    [InlineData("ThroughHelper", true, true)]
    public void Scans_let_through_what_may_send_personal_data_and_skip_the_rest(string method, bool reachesSink, bool sendsData)
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var tree = compilation.SyntaxTrees.Single();
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
#pragma warning disable RS1030 // A test reads its own compilation.
        var body = compilation.GetSemanticModel(tree).GetOperation(declaration)!;
#pragma warning restore RS1030

        Assert.Equal(reachesSink, flow.SinkScan.MayReachSink(body, CancellationToken.None));
        Assert.Equal(sendsData, reachesSink && flow.TaintScan.MaySendPersonalData(body, CancellationToken.None));
    }
}
