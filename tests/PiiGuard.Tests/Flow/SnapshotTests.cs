using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Benchmarks;
using PiiGuard.Tests.Infrastructure;
using PiiGuard.Tests.Meta;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// The scans' answers are shared by the compilations of one snapshot (the IDE's per-document requests each
/// run on a clone of the project's compilation). An edit inside method bodies keeps the sink answers no edited
/// tree was read for, and the "no" answers (the sink scan's and the source scan's) once the edited bodies are walked
/// again and still answer no; any other edit, other references or other options start afresh.
/// </summary>
public sealed class SnapshotTests
{
    private const string Models = """
        using PiiGuard;

        public class Customer
        {
            [Pii(PiiCategory.Email)]
            public string Email { get; set; } = "";
        }
        """;

    private const string Service = """
        using Microsoft.Extensions.Logging;

        public class Notifier
        {
            private readonly ILogger<Notifier> _logger;

            public Notifier(ILogger<Notifier> logger) { _logger = logger; }

            public void Notify(Customer customer) => Relay(customer.Email);

            private void Relay(string address) => _logger.LogInformation("Sent to {Address}", address);
        }
        """;

    private const string LogCall = "_logger.LogInformation(\"Sent to {Address}\", address)";

    // Nothing calls the controller: no answer is read from its file.
    private const string Controller = """
        public class CustomerController
        {
            private const int Attempts = 1;
            private readonly Notifier _notifier;

            public CustomerController(Notifier notifier) { _notifier = notifier; }

            public void Register(Customer customer)
            {
                Audit();
                for (var i = 0; i < Attempts; i++)
                {
                    _notifier.Notify(customer);
                }
            }

            private void Audit() { }
        }
        """;

    // Two methods in two files that call each other, and no sink.
    private const string PingSource = "public class Ping { public void Send(Pong pong, Customer customer, int hops) { if (hops > 0) pong.Send(this, customer, hops - 1); } }";
    private const string PongSource = "public class Pong { public void Send(Ping ping, Customer customer, int hops) { if (hops > 0) ping.Send(this, customer, hops - 1); } }";

    private static readonly AnalyzerOptions s_options = new(ImmutableArray<AdditionalText>.Empty);

    [Fact]
    public void A_clone_of_the_compilation_reads_no_body_again()
    {
        var compilation = TestCompilations.Create(Models, Service);
        var first = PersonalDataFlow.For(compilation, s_options)!;
        Assert.True(first.SinkScan.MayReachSink(Notify(compilation), CancellationToken.None));
        Assert.NotEqual(0, first.SinkScan.BodiesRead);

        var clone = compilation.Clone();
        var second = PersonalDataFlow.For(clone, s_options)!;
        Assert.NotSame(first, second);
        Assert.True(second.SinkScan.MayReachSink(Notify(clone), CancellationToken.None));
        Assert.Equal(0, second.SinkScan.BodiesRead);
    }

    [Fact]
    public void An_edit_of_the_file_an_answer_is_kept_in_drops_it()
    {
        var compilation = AnsweredOnce();

        // The first tree (the key the snapshots are found by) is unchanged; the service, where Notify is, no longer logs.
        var edited = Edit(compilation, compilation.SyntaxTrees.Last(), LogCall, "_ = address.Length");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.False(flow.SinkScan.MayReachSink(Notify(edited), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesRead);
    }

    [Fact]
    public void An_edit_inside_a_body_no_answer_was_read_from_keeps_the_sink_answers()
    {
        var compilation = AnsweredOnce(Models, Service, Controller);

        // As one types in the controller: a new tree, the declarations unchanged.
        var edited = Edit(compilation, "_notifier.Notify(customer);", "_notifier.Notify(customer);\n            _notifier.Notify(customer);");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.True(flow.SinkScan.MayReachSink(Notify(edited), CancellationToken.None));
        Assert.Equal(0, flow.SinkScan.BodiesRead);
    }

    [Fact]
    public void A_call_to_a_method_of_the_same_file_does_not_tie_the_answers_to_that_file()
    {
        // Register's walk asks about Audit (first: a walk stops at its first yes) from the controller's own file, then about
        // Notify from it: only the service's file is one the answers were read from.
        var compilation = TestCompilations.Create(Models, Service, Controller);
        Assert.True(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Register(compilation), CancellationToken.None));

        var edited = Edit(compilation, "Audit();", "Audit();\n        Audit();");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.True(flow.SinkScan.MayReachSink(Notify(edited), CancellationToken.None));
        Assert.Equal(0, flow.SinkScan.BodiesRead);
    }

    [Fact]
    public void An_edit_after_an_edit_still_knows_which_trees_the_answers_were_read_from()
    {
        const string Scheduler = "public class Job { public void Run(Notifier notifier, Customer customer) => notifier.Notify(customer); }";
        var compilation = TestCompilations.Create(Models, Service, Scheduler, Controller);
        Assert.True(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Run(compilation), CancellationToken.None));

        // The controller's edit carries the answers; that snapshot asks nothing itself.
        var controllerEdited = Edit(compilation, "_notifier.Notify(customer);", "_notifier.Notify(customer);\n            _notifier.Notify(customer);");
        Assert.NotNull(PersonalDataFlow.For(controllerEdited, s_options));

        // Then the service's: the answer for Run, kept in the scheduler's file, was read from it two snapshots ago.
        var serviceEdited = Edit(controllerEdited, controllerEdited.SyntaxTrees.ElementAt(1), LogCall, "_ = address.Length");
        var flow = PersonalDataFlow.For(serviceEdited, s_options)!;

        Assert.False(flow.SinkScan.MayReachSink(Run(serviceEdited), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesRead);
    }

    [Theory]
    [InlineData(LogCall, "_ = address.Length")]
    [InlineData("_ = address.Length", LogCall)]
    public void An_answer_read_through_an_edited_body_starts_afresh(string before, string after)
    {
        // The controller's answer is kept by a declaration in its own file, which the edit leaves as it was; it was read
        // through the service's bodies, which the edit changes (a sink removed, or one added where there was none).
        var compilation = TestCompilations.Create(Models, Service.Replace(LogCall, before), Controller);
        var first = PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Register(compilation), CancellationToken.None);

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(1), before, after);
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.Equal(!first, flow.SinkScan.MayReachSink(Register(edited), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesRead);
    }

    [Fact]
    public void An_edit_inside_a_body_an_answer_was_read_through_keeps_the_no_answers_once_the_edited_bodies_are_walked()
    {
        // The controller's "no" was read through the service's Notify and Relay; the edit leaves them without a sink.
        var compilation = TestCompilations.Create(Models, Service.Replace(LogCall, "_ = address.Length"), Controller);
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Register(compilation), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(1), "_ = address.Length", "_ = address.Trim()");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.False(flow.SinkScan.MayReachSink(Register(edited), CancellationToken.None));
        Assert.Equal(0, flow.SinkScan.BodiesRead);
        Assert.Equal(2, flow.SinkScan.BodiesChecked); // Notify and Relay, the edited file's answered bodies
    }

    [Fact]
    public void A_file_edited_again_after_its_check_is_checked_again()
    {
        // The first edit of Pong's file passes the check; the second gives Pong a sink. The answers read through the file
        // must know it by its new tree, or the second edit would carry Ping's "no" unchecked.
        var compilation = TestCompilations.Create(Models, PingSource, PongSource);
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Send(compilation, "Ping"), CancellationToken.None));
        var once = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "if (hops > 0)", "_ = hops;\n if (hops > 0)");
        Assert.False(PersonalDataFlow.For(once, s_options)!.SinkScan.MayReachSink(Send(once, "Ping"), CancellationToken.None));

        var twice = Edit(once, once.SyntaxTrees.ElementAt(2), "_ = hops;", "System.Console.WriteLine(customer.Email);");
        var flow = PersonalDataFlow.For(twice, s_options)!;

        Assert.True(flow.SinkScan.MayReachSink(Send(twice, "Ping"), CancellationToken.None));
    }

    [Theory]
    [InlineData("_ = hops;", false)]
    [InlineData("System.Console.WriteLine(customer.Email);", true)]
    public void Answers_a_snapshot_never_checked_are_checked_with_the_next_edit(string firstEdit, bool logs)
    {
        // The IDE may make a snapshot and ask nothing of it (typing on): its carried answers go on to the next edit of the same
        // file, unchecked, and the check walks Pong's body as the second edit left it.
        var compilation = TestCompilations.Create(Models, PingSource, PongSource);
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Send(compilation, "Ping"), CancellationToken.None));
        var first = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "if (hops > 0)", firstEdit + "\n if (hops > 0)");
        Assert.NotNull(PersonalDataFlow.For(first, s_options));

        var second = Edit(first, first.SyntaxTrees.ElementAt(2), "if (hops > 0)", "_ = hops;\n if (hops > 0)");
        var flow = PersonalDataFlow.For(second, s_options)!;

        Assert.Equal(logs, flow.SinkScan.MayReachSink(Send(second, "Ping"), CancellationToken.None));
        Assert.Equal(logs, flow.SinkScan.BodiesRead != 0);
        Assert.NotEqual(0, flow.SinkScan.BodiesChecked);
    }

    [Theory]
    [InlineData("_ = address.Length;", false)]
    [InlineData("_logger.LogInformation(\"Sent to {Address}\", address);", true)]
    public void An_edit_of_a_partial_method_s_implementing_file_is_checked_for_its_callers(string after, bool logs)
    {
        // Notify calls Relay, whose body is in another file: the controller's answer was read through that file.
        const string Declaring = """
            using Microsoft.Extensions.Logging;

            public partial class Notifier
            {
                private readonly ILogger<Notifier> _logger;

                public Notifier(ILogger<Notifier> logger) { _logger = logger; }

                public void Notify(Customer customer) => Relay(customer.Email);

                partial void Relay(string address);
            }
            """;
        const string Implementing = "using Microsoft.Extensions.Logging;\npublic partial class Notifier { partial void Relay(string address) { _ = address.Trim(); } }";
        var compilation = TestCompilations.Create(Models, Declaring, Implementing, Controller);
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Register(compilation), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "_ = address.Trim();", after);
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.Equal(logs, flow.SinkScan.MayReachSink(Register(edited), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesChecked);
    }

    [Fact]
    public void A_cancelled_check_is_made_by_the_next_question()
    {
        var compilation = TestCompilations.Create(Models, PingSource, PongSource);
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Send(compilation, "Ping"), CancellationToken.None));
        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "if (hops > 0)", "System.Console.WriteLine(customer.Email);\n if (hops > 0)");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.ThrowsAny<OperationCanceledException>(() => flow.SinkScan.MayReachSink(Send(edited, "Ping"), new CancellationToken(canceled: true)));

        Assert.True(flow.SinkScan.MayReachSink(Send(edited, "Ping"), CancellationToken.None));
    }

    [Fact]
    public async Task The_answers_kept_for_property_getters_carry_too()
    {
        // The driver gives the getters' bodies too, and the taint scan's walks answer for them: kept by an expression body's
        // arrow or by an accessor, and found again in the edited tree as the methods are.
        var service = Service
            .Replace(LogCall, "_ = address.Length")
            .Replace("public void Notify", "public string Channel => \"e-mail\";\n\n    public string Scope { get { return Channel; } }\n\n    public void Notify");
        var compilation = TestCompilations.Create(Models, service, Controller);
        await compilation.WithAnalyzers([.. AllAnalyzers.Analyzers], RecordingExceptions(new())).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(1), "_ = address.Length", "_ = address.Trim()");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.False(flow.SinkScan.MayReachSink(Register(edited), CancellationToken.None));
        Assert.Equal(0, flow.SinkScan.BodiesRead);
        Assert.Equal(5, flow.SinkScan.BodiesChecked); // the constructor, Channel's and Scope's getters, Notify and Relay

        // A getter given a sink fails the check: the answers start afresh.
        var logging = Edit(edited, edited.SyntaxTrees.ElementAt(1), "get { return Channel; }", "get { System.Console.WriteLine(Channel); return Channel; }");
        var after = PersonalDataFlow.For(logging, s_options)!;
        var scope = logging.GetTypeByMetadataName("Notifier")!.GetMembers("Scope").OfType<IPropertySymbol>().Single().GetMethod!;
        Assert.True(after.SinkScan.MayReachSink(scope, CancellationToken.None));
        Assert.NotEqual(0, after.SinkScan.BodiesRead);
    }

    [Theory]
    [InlineData("public static void Log(string value) { }", false)]
    [InlineData("public static void Log(string value) => System.Console.WriteLine(value);", true)]
    public void An_edit_inside_a_cycle_walks_the_edited_bodies_and_what_they_call_anew(string helper, bool logs)
    {
        // Ping and Pong call each other from two files; the edit makes Pong call a helper no answer was asked of before.
        var compilation = TestCompilations.Create(Models, PingSource, PongSource, $"public static class Helper {{ {helper} }}");
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Send(compilation, "Ping"), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "if (hops > 0)", "Helper.Log(customer.Email);\n if (hops > 0)");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.Equal(logs, flow.SinkScan.MayReachSink(Send(edited, "Ping"), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesChecked);
        Assert.Equal(logs, flow.SinkScan.BodiesRead != 0); // a failed check starts afresh
    }

    [Fact]
    public void An_answer_an_edited_body_newly_calls_ties_the_carried_answers_to_its_file()
    {
        // Helper.Log was answered (no sink) but read by no other answer. Pong's edit calls it, and the check takes its carried
        // answer: when Helper's file is edited next to log, Ping's and Pong's answers, read through it now, must not carry unchecked.
        const string Quiet = "public static void Log(string value) { _ = value; }";
        var compilation = TestCompilations.Create(Models, PingSource, PongSource, $"public static class Helper {{ {Quiet} }}");
        var first = PersonalDataFlow.For(compilation, s_options)!;
        Assert.False(first.SinkScan.MayReachSink(Send(compilation, "Ping"), CancellationToken.None));
        Assert.False(first.SinkScan.MayReachSink(compilation.GetTypeByMetadataName("Helper")!.GetMembers("Log").OfType<IMethodSymbol>().Single(), CancellationToken.None));
        var pongEdited = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "if (hops > 0)", "Helper.Log(customer.Email);\n if (hops > 0)");
        var second = PersonalDataFlow.For(pongEdited, s_options)!;
        Assert.False(second.SinkScan.MayReachSink(Send(pongEdited, "Ping"), CancellationToken.None));
        Assert.Equal(1, second.SinkScan.BodiesChecked);

        var helperEdited = Edit(pongEdited, pongEdited.SyntaxTrees.ElementAt(3), Quiet, "public static void Log(string value) { System.Console.WriteLine(value); }");
        var flow = PersonalDataFlow.For(helperEdited, s_options)!;

        Assert.True(flow.SinkScan.MayReachSink(Send(helperEdited, "Ping"), CancellationToken.None));
    }

    [Theory]
    [InlineData("public void Register(Customer customer)", "public void Register(Customer customer, int attempt = 0)")]
    [InlineData("public void Register(Customer customer)", "public void Unregister(Customer customer) { }\n\n    public void Register(Customer customer)")]
    [InlineData("private const int Attempts = 1;", "private const int Attempts = 2;")]
    [InlineData("public class CustomerController", "[System.Obsolete]\npublic class CustomerController")]
    public void An_edit_outside_the_bodies_starts_afresh(string before, string after)
    {
        var compilation = AnsweredOnce(Models, Service, Controller);

        var edited = Edit(compilation, before, after);
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.True(flow.SinkScan.MayReachSink(Notify(edited), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesRead);
    }

    [Fact]
    public void Source_answers_carry_over_a_body_edit_once_the_edited_bodies_are_walked()
    {
        // Relay brings no data of its own (what it logs is its caller's); Notify does (a customer's e-mail), read afresh.
        var compilation = TestCompilations.Create(Models, Service, Controller);
        var first = PersonalDataFlow.For(compilation, s_options)!;
        Assert.False(first.SourceScan.MayBringOwnData(Relay(compilation), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(1), "Relay(customer.Email)", "Relay(customer.Email.Trim())");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.False(flow.SourceScan.MayBringOwnData(Relay(edited), CancellationToken.None));
        Assert.Equal(0, flow.SourceScan.BodiesRead);
        Assert.NotEqual(0, flow.SourceScan.BodiesChecked);
        Assert.True(flow.SourceScan.MayBringOwnData(Notify(edited), CancellationToken.None));
    }

    [Theory]
    [InlineData("return customer.GetHashCode().ToString();", false)]
    [InlineData("return customer.Email;", true)]
    public void A_carried_source_answer_follows_its_edited_body(string after, bool bringsData)
    {
        const string Card = "public class Card { public string Describe(Customer customer) { return customer.GetHashCode().ToString(); } }";
        var compilation = TestCompilations.Create(Models, Card);
        var describe = (Compilation c) => c.GetTypeByMetadataName("Card")!.GetMembers("Describe").OfType<IMethodSymbol>().Single();
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SourceScan.MayBringOwnData(describe(compilation), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(1), "return customer.GetHashCode().ToString();", after);
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.Equal(bringsData, flow.SourceScan.MayBringOwnData(describe(edited), CancellationToken.None));
        Assert.Equal(1, flow.SourceScan.BodiesChecked);
    }

    [Fact]
    public void A_record_s_primary_constructor_answer_carries_over_an_edit_of_its_file()
    {
        // Kept by the record's declaration, whose constructor the check finds again.
        const string Lead = "public record Lead(string Address) { public string Label() { return Address; } }";
        var compilation = TestCompilations.Create(Models, Lead);
        var constructor = (Compilation c) => c.GetTypeByMetadataName("Lead")!.InstanceConstructors.Single(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == SpecialType.System_String);
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SourceScan.MayBringOwnData(constructor(compilation), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(1), "return Address;", "return Address.Trim();");
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.False(flow.SourceScan.MayBringOwnData(constructor(edited), CancellationToken.None));
        Assert.Equal(0, flow.SourceScan.BodiesRead);
    }

    [Theory]
    [InlineData("_last = customer.Email;", true)]
    [InlineData("_other = customer.Email;", false)] // a field no answer asked the writers of: the carry holds
    public void A_body_edit_that_fills_a_field_another_file_reads_starts_the_source_answers_afresh(string after, bool afresh)
    {
        // Last, in a file the edit leaves alone, reads a field no method wrote; the edit makes Keep, in another part of the
        // class, fill it with an e-mail address: Last now brings data of its own, though neither its body nor its callees changed.
        const string Reading = "public partial class Ledger { private string _last = \"\"; private string _other = \"\"; public string Last() => _last; }";
        const string Writing = "public partial class Ledger { public void Keep(Customer customer) { _ = customer; } }";
        var compilation = TestCompilations.Create(Models, Reading, Writing);
        var last = (Compilation c) => c.GetTypeByMetadataName("Ledger")!.GetMembers("Last").OfType<IMethodSymbol>().Single();
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SourceScan.MayBringOwnData(last(compilation), CancellationToken.None));

        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(2), "_ = customer;", after);
        var flow = PersonalDataFlow.For(edited, s_options)!;

        Assert.Equal(afresh, flow.SourceScan.MayBringOwnData(last(edited), CancellationToken.None));
        Assert.Equal(afresh, flow.SourceScan.BodiesRead != 0);
    }

    [Fact]
    public void Other_compilation_options_start_afresh()
    {
        var compilation = AnsweredOnce();

        var other = compilation.WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Release));
        var flow = PersonalDataFlow.For(other, s_options)!;

        Assert.True(flow.SinkScan.MayReachSink(Notify(other), CancellationToken.None));
        Assert.NotEqual(0, flow.SinkScan.BodiesRead);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void Other_analyzer_options_keep_the_sink_answers_and_the_source_answers_if_inference_is_the_same(string treatInferredAsPii, bool sourceAfresh)
    {
        // The IDE makes a new options provider with each project state, so with each edit. No sink depends on an option;
        // sources depend on one (piiguard.treat_inferred_as_pii), compared by value.
        var compilation = AnsweredOnce();
        Assert.False(PersonalDataFlow.For(compilation, s_options)!.SourceScan.MayBringOwnData(Relay(compilation), CancellationToken.None));

        var options = new AnalyzerOptions(
            ImmutableArray<AdditionalText>.Empty,
            new FixedOptionsProvider(new Dictionary<string, string> { ["piiguard.treat_inferred_as_pii"] = treatInferredAsPii }));
        var flow = PersonalDataFlow.For(compilation, options)!;

        Assert.True(flow.SinkScan.MayReachSink(Notify(compilation), CancellationToken.None));
        Assert.Equal(0, flow.SinkScan.BodiesRead);
        Assert.False(flow.SourceScan.MayBringOwnData(Relay(compilation), CancellationToken.None));
        Assert.Equal(sourceAfresh, flow.SourceScan.BodiesRead != 0);
    }

    [Fact]
    public void A_method_without_source_is_answered_and_not_shared()
    {
        // A library method: no declaration to key an answer by (callers ask only about methods with a body here).
        var compilation = TestCompilations.Create(Models, Service);
        var flow = PersonalDataFlow.For(compilation, s_options)!;
        var library = compilation.GetTypeByMetadataName("System.String")!.GetMembers("Concat").OfType<IMethodSymbol>().First();

        Assert.False(flow.SinkScan.MayReachSink(library, CancellationToken.None));
        Assert.False(flow.SourceScan.MayBringOwnData(library, CancellationToken.None));
    }

    [Fact]
    public async Task Per_document_requests_give_what_the_whole_compilation_gives()
    {
        // As the IDE asks: one document at a time, each request on a compilation of its own, all of one snapshot.
        // Debug builds analyse every body a scan skips, so an answer wrongly shared would fail here too.
        // Two compilations of the same sources, parsed apart: the per-document requests share no answer with the whole run.
        var sources = CorpusGenerator.Generate(3_000).Select(file => file.Text).ToArray();
        var (whole, exceptions) = await TestCompilations.AnalyzeAsync(TestCompilations.Create(sources), concurrent: false, [.. AllAnalyzers.Analyzers]);
        Assert.Empty(exceptions);
        Assert.NotEmpty(whole);

        var byDocument = await PerDocumentAsync(TestCompilations.Create(sources));
        Assert.Equal(Render(whole), Render(byDocument));
    }

    [Theory]
    [InlineData("Module0000/CustomerController.cs", "await _service.RegisterAsync(customer);", "await _service.RegisterAsync(customer);\n        System.Console.WriteLine(customer.Email);")] // nothing calls a controller
    [InlineData("Module0000/Formatting.cs", "=> value.Trim().PadRight(12);", "=> value.Trim().PadRight(14);")] // read through, still no sink
    [InlineData("Module0000/Formatting.cs", "=> value.Trim().PadRight(12);", "=> value.Length > 0 ? value.Trim().PadRight(12) : throw new InvalidOperationException(\"Empty: \" + value);")]
    public async Task Per_document_requests_after_a_body_edit_give_what_a_fresh_compilation_gives(string path, string before, string after)
    {
        // As one types: the IDE asks for every document of a snapshot, then an edit inside a method body makes the next.
        // The second edit gives Pad, which reached no sink, one: the next module's Formatting.Previous passes it a customer's
        // last name, so a finding appears in a file the edit did not touch, whose kept answer was read through Pad.
        var files = CorpusGenerator.Generate(3_000);
        var compilation = TestCompilations.Create([.. files.Select(file => file.Text)]);
        Assert.NotEmpty(await PerDocumentAsync(compilation));

        var index = files.Select((file, i) => (file.Path, i)).Single(file => file.Path == path).i;
        Assert.NotEqual(0, index);
        var edited = Edit(compilation, compilation.SyntaxTrees.ElementAt(index), before, after);

        var byDocument = await PerDocumentAsync(edited);
        var (whole, exceptions) = await TestCompilations.AnalyzeAsync(
            TestCompilations.Create([.. edited.SyntaxTrees.Select(t => t.GetText().ToString())]), concurrent: false, [.. AllAnalyzers.Analyzers]);
        Assert.Empty(exceptions);
        Assert.Equal(Render(whole), Render(byDocument));
    }

    [Fact]
    public async Task Span_requests_give_what_the_whole_compilation_gives_in_the_span()
    {
        // As the light bulb asks: one member's span of one document. The rules hold the bodies the driver gives until the
        // document's semantic model action, which a span request runs too (with the span as its filter).
        var sources = CorpusGenerator.Generate(3_000).Select(file => file.Text).ToArray();
        var original = TestCompilations.Create(sources);
        var (whole, exceptions) = await TestCompilations.AnalyzeAsync(original, concurrent: false, [.. AllAnalyzers.Analyzers]);
        Assert.Empty(exceptions);

        // The same documents, parsed apart: a diagnostic's document is known by its place in the compilation.
        var clone = TestCompilations.Create(sources);
        var thrown = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var withAnalyzers = clone.WithAnalyzers([.. AllAnalyzers.Analyzers], RecordingExceptions(thrown));
        IEnumerable<Diagnostic> WholeIn(Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax member) =>
            whole.Where(d => original.SyntaxTrees.IndexOf(d.Location.SourceTree!) == clone.SyntaxTrees.IndexOf(member.SyntaxTree) && member.Span.Contains(d.Location.SourceSpan));
        var members = clone.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            .Where(member => WholeIn(member).Any())
            .Take(12)
            .ToList();
        Assert.NotEmpty(members);

        foreach (var member in members)
        {
            var tree = member.SyntaxTree;
#pragma warning disable RS1030 // A test asks for its own compilation's documents, as the IDE does.
            var result = await withAnalyzers.GetAnalysisResultAsync(clone.GetSemanticModel(tree), member.Span, CancellationToken.None);
#pragma warning restore RS1030
            var inSpan = result.GetAllDiagnostics().Where(d => d.Location.SourceTree == tree && member.Span.Contains(d.Location.SourceSpan));
            Assert.Equal(Render(WholeIn(member)), Render(inSpan));
        }

        Assert.Empty(thrown);
    }

    [Fact]
    public async Task The_driver_s_walk_of_a_body_answers_the_sink_scan_for_its_method()
    {
        var compilation = TestCompilations.Create(Models, Service);
        var withAnalyzers = compilation.WithAnalyzers(
            [.. AllAnalyzers.Analyzers],
            new CompilationWithAnalyzersOptions(s_options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        // No body calls Notify: only the taint scan's walk of the body the driver gave can have answered for it.
        var clone = compilation.Clone();
        var flow = PersonalDataFlow.For(clone, s_options)!;
        Assert.True(flow.SinkScan.MayReachSink(Notify(clone), CancellationToken.None));
        Assert.Equal(0, flow.SinkScan.BodiesRead);
    }

    // Every document's diagnostics, one request each, as the IDE asks; no analyzer may throw.
    private static async Task<List<Diagnostic>> PerDocumentAsync(CSharpCompilation compilation)
    {
        var thrown = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers([.. AllAnalyzers.Analyzers], RecordingExceptions(thrown));
        var byDocument = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
#pragma warning disable RS1030 // A test asks for its own compilation's documents, as the IDE does.
            var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
#pragma warning restore RS1030
            byDocument.AddRange(result.GetAllDiagnostics().Where(d => d.Location.SourceTree == tree));
        }

        Assert.Empty(thrown);
        return byDocument;
    }

    // An analyzer's exception is reported as a diagnostic without a location, which the comparisons by document leave out.
    private static CompilationWithAnalyzersOptions RecordingExceptions(System.Collections.Concurrent.ConcurrentQueue<Exception> thrown) =>
        new(s_options, onAnalyzerException: (exception, _, _) => thrown.Enqueue(exception), concurrentAnalysis: false, logAnalyzerExecutionTime: false);

    // A compilation whose snapshot already holds the answer for Notify.
    private static CSharpCompilation AnsweredOnce(params string[] sources)
    {
        var compilation = TestCompilations.Create(sources.Length == 0 ? [Models, Service] : sources);
        Assert.True(PersonalDataFlow.For(compilation, s_options)!.SinkScan.MayReachSink(Notify(compilation), CancellationToken.None));
        return compilation;
    }

    // The controller (the last tree) with one text replaced, as an editor makes it: the other trees are the same objects.
    private static CSharpCompilation Edit(CSharpCompilation compilation, string before, string after) =>
        Edit(compilation, compilation.SyntaxTrees.Last(), before, after);

    private static CSharpCompilation Edit(CSharpCompilation compilation, SyntaxTree tree, string before, string after)
    {
        var text = tree.GetText().ToString();
        Assert.Contains(before, text, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text.Replace(before, after, StringComparison.Ordinal))));
    }

    private static string Render(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d => $"{d.Location.GetLineSpan()} {d.Id} {d.GetMessage()}").Order(StringComparer.Ordinal));

    private static IMethodSymbol Notify(Compilation compilation) =>
        compilation.GetSymbolsWithName("Notify", SymbolFilter.Member).OfType<IMethodSymbol>().Single();

    private static IMethodSymbol Relay(Compilation compilation) =>
        compilation.GetSymbolsWithName("Relay", SymbolFilter.Member).OfType<IMethodSymbol>().Single();

    private static IMethodSymbol Run(Compilation compilation) =>
        compilation.GetSymbolsWithName("Run", SymbolFilter.Member).OfType<IMethodSymbol>().Single();

    private static IMethodSymbol Send(Compilation compilation, string type) =>
        compilation.GetTypeByMetadataName(type)!.GetMembers("Send").OfType<IMethodSymbol>().Single();

    private static IMethodSymbol Register(Compilation compilation) =>
        compilation.GetSymbolsWithName("Register", SymbolFilter.Member).OfType<IMethodSymbol>().Single();
}
