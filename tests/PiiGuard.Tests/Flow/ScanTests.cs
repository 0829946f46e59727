using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
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

            public void Restore() => Value = Store.Last.Email;
        }

        public class Registry
        {
            private readonly ILogger<Registry> _logger;
            private readonly Dictionary<int, Customer> _customers = new();

            public Registry(ILogger<Registry> logger) { _logger = logger; }

            public int Hash() => this.GetHashCode();

            public void Replace(Registry other) { _other = other; }

            private Registry? _other;

            public void Touch(Customer c) => _logger.LogInformation("Touched {Id} of {Count}", c.Id, _customers.Count);
        }

        public sealed class Session(Customer owner)
        {
            public string Describe() => $"owner={owner}";
        }

        [Pii(PiiCategory.Email)]
        public sealed class EmailAddress
        {
            public string Show() => $"<{this}>";
        }

        public static class Store
        {
            public static Customer Last { get; set; } = new();
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

            public void Headers(Customer c)
            {
                var headers = new Dictionary<string, string> { ["X-User"] = c.Email };
                log.LogInformation("{Headers}", string.Join(";", headers.Values));
            }

            public void Upcast(Customer c)
            {
                object payload = new Customer { Id = c.Id };
                Serilog.Log.Information("{@Payload}", payload);
            }

            public void AnonymousCount(Customer c)
            {
                var counted = new { Count = c.Email };
                log.LogInformation("{Count}", counted.Count);
            }

            public void Restored()
            {
                var box = new Box();
                box.Restore();
                log.LogInformation("{Value}", box.Value);
            }

            public void Labelled(Customer c, int attempt)
            {
                var label = Label(c.Id, "retail");
                var total = 0;
                for (var n = 0; n < attempt; n++)
                {
                    total += n;
                    if (total > 10) { label = label + "-" + n; }
                }

                try { log.LogInformation("Step for {Label}: {Value}", label, c.Id); }
                catch (System.Exception exception) { log.LogError(exception, "Failed after {Total}", total); }
            }

            public void Masked(Customer c) => log.LogInformation("{Email}", Mask(c.Email));

            // Taint reaches the sink three rounds after the first: each round only re-asks what reads a variable tainted since.
            public void Relayed(Customer c, int attempts)
            {
                string first = "", second = "", third = "";
                for (var n = 0; n < attempts; n++)
                {
                    log.LogInformation("Attempt {Value}", first);
                    first = second + "-" + n;
                    second = third;
                    third = c.Email;
                }
            }

            public void RelayedKey(Customer c, int attempts)
            {
                string first = "", second = "", third = "";
                for (var n = 0; n < attempts; n++)
                {
                    log.LogInformation("Attempt {Value}", first);
                    first = second + "-" + n;
                    second = third;
                    third = c.Id.ToString();
                }
            }

            public void SizeOnly(string segment)
            {
                var emails = Emails(segment);
                log.LogInformation("{Count} e-mails for {Segment}", emails.Count, segment);
            }

            public void KeyOfBuilt(string email)
            {
                var customer = new Customer { Id = 7, Email = email };
                Register(customer);
                log.LogInformation("Created {Id}", customer.Id);
            }

            public void CarrierToHelper(int id) => Register(Find(id));

            public void Recursive(Customer c) => log.LogInformation("{Text}", Normalise(c.Email, 3));

            public string Tidy(Customer c) => Normalise(c.Email, 3);

            public void ThroughCycle(Customer c) => Ping(c.Email, 3);

            private void Ping(string value, int n) { if (n > 0) { Pong(value, n - 1); } }

            private void Pong(string value, int n)
            {
                if (n > 0) { Ping(value, n - 1); }
                else { log.LogInformation("{Value}", value); }
            }

            private static Customer Echo(Customer c) => c;

            private static Customer Reset(Customer c) { c = new Customer(); return c; }

            private static Customer Cleared(Customer c) { c = null!; return c; }

            private static string Named(Customer c) => c.Email;

            private static int KeyOf(Customer c) => c.Id;

            private void Register(Customer customer) => log.LogInformation("Registered {Email}", customer.Email);

            private Customer Find(int id) => new Customer { Id = id };

            private List<string> Emails(string segment) => new List<string> { segment };

            [Redacts]
            private static string Mask(string value) => "***";

            private static string Normalise(string value, int depth) => depth <= 0 ? value.ToUpperInvariant() : Collapse(value.Trim(), depth - 1);

            private static string Collapse(string value, int depth) => depth <= 0 ? value : Normalise(value.Trim(), depth - 1);

            private static string Label(int id, string segment)
            {
                var builder = new System.Text.StringBuilder();
                builder.Append(segment).Append('#').Append(id);
                return builder.ToString();
            }

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
    [InlineData("Restored", true, true)]
    [InlineData("Headers", true, true)]
    [InlineData("Upcast", true, true)]
    [InlineData("AnonymousCount", true, true)]
    [InlineData("Touch", true, false)]
    [InlineData("Labelled", true, false)]
    [InlineData("Masked", true, false)]
    [InlineData("Relayed", true, true)]
    [InlineData("RelayedKey", true, false)]
    [InlineData("SizeOnly", true, false)]
    [InlineData("KeyOfBuilt", true, false)]
    [InlineData("CarrierToHelper", true, false)]
    [InlineData("Recursive", true, true)]
    [InlineData("Tidy", false, false)]
    [InlineData("ThroughCycle", true, true)]
    public void Scans_let_through_what_may_send_personal_data_and_skip_the_rest(string method, bool reachesSink, bool sendsData)
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var tree = compilation.SyntaxTrees.Single();
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
#pragma warning disable RS1030 // A test reads its own compilation.
        var body = compilation.GetSemanticModel(tree).GetOperation(declaration)!;
#pragma warning restore RS1030

        Assert.Equal(reachesSink, body.DescendantsAndSelf().Any(operation => flow.SinkScan.IsSinkStep(operation, CancellationToken.None)));
        Assert.Equal(sendsData, reachesSink && flow.TaintScan.MaySendPersonalData(body, owner: null, CancellationToken.None));
    }

    [Theory]
    [InlineData("Echo", false)]
    [InlineData("KeyOf", false)]
    [InlineData("Hash", false)]
    [InlineData("Replace", false)]
    [InlineData("Named", true)]
    [InlineData("Reset", true)]
    [InlineData("Cleared", true)]
    [InlineData("Describe", true)]
    [InlineData("Show", true)]
    public void A_method_brings_data_of_its_own_only_beyond_its_callers_values(string method, bool bringsOwnData)
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var symbol = compilation.GetSymbolsWithName(method, SymbolFilter.Member).OfType<IMethodSymbol>().Single();

        Assert.Equal(bringsOwnData, flow.SourceScan.MayBringOwnData(symbol, CancellationToken.None));
    }

    [Theory]
    [InlineData("Touch", true)]
    [InlineData("Tidy", false)]
    public void A_body_the_driver_gave_answers_for_its_method_so_a_later_caller_binds_it_no_more(string method, bool reachesSink)
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var (symbol, body) = MethodAndBody(compilation, method);

        flow.TaintScan.MaySendPersonalData(body, symbol, CancellationToken.None);
        var bodiesRead = flow.SinkScan.BodiesRead;

        Assert.Equal(reachesSink, flow.SinkScan.MayReachSink(symbol, CancellationToken.None));
        Assert.Equal(bodiesRead, flow.SinkScan.BodiesRead);
    }

    [Fact]
    public void A_body_given_with_another_method_as_its_owner_answers_nothing_for_that_method()
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var (touch, _) = MethodAndBody(compilation, "Touch");
        var (_, tidyBody) = MethodAndBody(compilation, "Tidy");

        flow.TaintScan.MaySendPersonalData(tidyBody, touch, CancellationToken.None);
        var bodiesRead = flow.SinkScan.BodiesRead;

        // Tidy's body reaches no sink; Touch's does, and is read to say so.
        Assert.True(flow.SinkScan.MayReachSink(touch, CancellationToken.None));
        Assert.Equal(bodiesRead + 1, flow.SinkScan.BodiesRead);
    }

    [Theory]
    [InlineData("Touch", true)]
    [InlineData("Tidy", false)]
    public void A_body_a_caller_found_sink_free_is_not_walked_when_the_driver_gives_it(string method, bool walked)
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var (symbol, body) = MethodAndBody(compilation, method);

        // A caller's question reads the method's body first (its call is asked whether it is a sink step).
        _ = flow.SinkScan.MayReachSink(symbol, CancellationToken.None);
        var bodiesWalked = flow.TaintScan.BodiesWalked;
        flow.TaintScan.MaySendPersonalData(body, symbol, CancellationToken.None);

        Assert.Equal(walked ? bodiesWalked + 1 : bodiesWalked, flow.TaintScan.BodiesWalked);
    }

    [Fact]
    public void A_sink_free_answer_for_a_method_skips_no_other_body_given_with_it_as_owner()
    {
        var compilation = TestCompilations.Create(Source);
        var flow = PersonalDataFlow.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))!;
        var (tidy, _) = MethodAndBody(compilation, "Tidy");
        var (_, touchBody) = MethodAndBody(compilation, "Touch");

        _ = flow.SinkScan.MayReachSink(tidy, CancellationToken.None);
        var bodiesWalked = flow.TaintScan.BodiesWalked;
        flow.TaintScan.MaySendPersonalData(touchBody, tidy, CancellationToken.None);

        Assert.Equal(bodiesWalked + 1, flow.TaintScan.BodiesWalked);
    }

    private static (IMethodSymbol Method, IOperation Body) MethodAndBody(Compilation compilation, string name)
    {
        var tree = compilation.SyntaxTrees.Single();
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == name);
#pragma warning disable RS1030 // A test reads its own compilation.
        var model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        return ((IMethodSymbol)model.GetDeclaredSymbol(declaration)!, model.GetOperation(declaration)!);
    }
}
