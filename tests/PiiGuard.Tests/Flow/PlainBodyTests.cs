using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// Which bodies are analysed without a control flow graph: statements that run straight through, which the graph builder
/// keeps as they stand in one block. That a plain body is summarised, and its findings found, as its graph's would be is
/// checked by every other test (debug builds analyse both ways).
/// </summary>
public sealed class PlainBodyTests
{
    private const string Source = """
        public class Customer
        {
            public string First { get; set; } = "";
            public string Last { get; set; } = "";
            public Customer? Partner { get; set; }
            public string FullName => $"{First} {Last}";
        }

        public class Dto
        {
            public string Name { get; set; } = "";
        }

        public static class Formatting
        {
            public static string Describe(Customer c) => $"{c.First} {c.Last}";
            public static string Upper(Customer c) { return Pad(c.First.ToUpperInvariant()); }
            public static string Pad(string s) => s + " ";
            public static void Print(Customer c) => System.Console.WriteLine(c.Last);
            public static Dto Wrap(string s) => new Dto();
            public static string PartnerName(Customer c) => c.Partner?.First ?? "";
            public static string Either(Customer c, bool full) => full ? c.First : c.Last;
            public static bool Both(Customer c) => c.First.Length > 0 && c.Last.Length > 0;
            public static Dto Map(Customer c) => new Dto { Name = c.First };
            public static string Joined(Customer c) => string.Join(",", c.First, c.Last);
            public static string Local(Customer c) { var name = c.First; return name; }
            public static System.Func<string> Later(Customer c) => () => c.First;
            public static string Checked(Customer c) => c.First ?? throw new System.ArgumentException();
            public static void Nothing() { }
            public static void Logged(Customer c) { var line = Describe(c); System.Console.WriteLine(line); }
            public static void Stored(Customer c, Dto d) { d.Name = c.First; System.Console.WriteLine(d.Name); }
            public static async System.Threading.Tasks.Task<string> Awaited(Customer c) { var s = await System.Threading.Tasks.Task.FromResult(c.First); return s; }
            public static string Unwritten(Customer c) { string s; s = c.Last; return s; }
            public static void Looped(Customer c) { foreach (var x in c.First) System.Console.Write(x); }
            public static string Guarded(Customer c) { if (c.First.Length == 0) return ""; return c.First; }
            public static void Disposed(Customer c) { using var w = new System.IO.StringWriter(); w.Write(c.First); }
            public static void Counted(Customer c) { var n = 0; n += c.First.Length; System.Console.Write(n); }
            public static string Constant() { const string prefix = "x"; return prefix; }
            public static string Early(Customer c) { return c.First; System.Console.Write(c.Last); }
            public static string Pair(Customer c) { string a = c.First, b = a + c.Last; return b; }
            public static void Discarded(Customer c) { _ = Pad(c.First); }
            public static bool Parsed(string s) { var ok = int.TryParse(s, out var n); return ok; }
            public static void Returns(Customer c) { System.Console.Write(c.First); return; }
            public static void Appended(System.Text.StringBuilder b, Customer c) { b.Append($"{c.First}"); }
            public static string Referenced(Customer c) { ref string r = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(new[] { c.First }); return r; }
            public static void Long(Customer c)
            {
                System.Console.Write(1); System.Console.Write(2); System.Console.Write(3); System.Console.Write(4);
                System.Console.Write(5); System.Console.Write(6); System.Console.Write(7); System.Console.Write(8);
                System.Console.Write(9); System.Console.Write(10); System.Console.Write(11); System.Console.Write(12);
                System.Console.Write(13); System.Console.Write(14); System.Console.Write(15); System.Console.Write(16);
                System.Console.Write(c.First);
            }
        }
        """;

    [Theory]
    [InlineData("Describe", true, true)]
    [InlineData("Upper", true, true)]
    [InlineData("Pad", true, true)]
    [InlineData("Print", true, false)]
    [InlineData("Wrap", true, true)]
    [InlineData("get_FullName", true, true)]
    [InlineData("PartnerName", false, false)] // ?. and ?? branch
    [InlineData("Either", false, false)] // ?: branches
    [InlineData("Both", false, false)] // && branches
    [InlineData("Map", false, false)] // the graph splits an initializer into statements
    [InlineData("Joined", false, false)] // a params array the compiler creates
    [InlineData("Local", true, true)]
    [InlineData("Logged", true, false)]
    [InlineData("Stored", true, false)]
    [InlineData("Awaited", true, true)]
    [InlineData("Unwritten", true, true)]
    [InlineData("Looped", false, false)] // a loop
    [InlineData("Guarded", false, false)] // if, and a return before the end
    [InlineData("Disposed", false, false)] // using: the graph adds a try and finally
    [InlineData("Counted", false, false)] // a compound assignment: not among the operations checked
    [InlineData("Constant", false, false)] // a constant the graph does not assign
    [InlineData("Early", false, false)] // statements after the return never run
    [InlineData("Pair", true, true)] // two declarators, the second reading the first
    [InlineData("Discarded", false, false)] // a discard is not among the targets checked
    [InlineData("Parsed", false, false)] // out var declares a local inside an expression
    [InlineData("Returns", false, false)] // a return without a value
    [InlineData("Appended", false, false)] // the string builder's interpolated string handler
    [InlineData("Referenced", false, false)] // a ref local
    [InlineData("Long", false, false)] // more statements than the check walks
    [InlineData("Later", false, false)] // a lambda needs the graph's own
    [InlineData("Checked", false, false)] // throw
    [InlineData("Nothing", false, false)] // no statement at all
    public void A_body_is_plain_when_its_graph_would_keep_its_statements_in_one_block(string method, bool plain, bool returned)
    {
        var compilation = TestCompilations.Create(Source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var body = Body(tree, model, method);

        Assert.Equal(plain, PlainBody.TryGet(body, out var found));
        Assert.Equal(returned, plain && found.Returned is not null);
    }

    // The operation tree the driver gives for a method's or an accessor's body.
    private static IOperation Body(SyntaxTree tree, SemanticModel model, string name)
    {
        var root = tree.GetRoot();
        SyntaxNode declaration = name.StartsWith("get_", StringComparison.Ordinal)
            ? root.DescendantNodes().OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.Text == name[4..]).ExpressionBody!
            : root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == name);
        return model.GetOperation(declaration)!;
    }
}
