using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Tests.Infrastructure;

namespace PiiGuard.Tests.Flow;

/// <summary>
/// Which bodies are summarised without a control flow graph: one expression the graph builder keeps as it stands. That a
/// plain body is summarised as its graph would be is checked by every other test (debug builds summarise both ways).
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
    [InlineData("Local", false, false)] // a local, and two statements
    [InlineData("Later", false, false)] // a lambda needs the graph's own
    [InlineData("Checked", false, false)] // throw
    [InlineData("Nothing", false, false)] // no expression at all
    public void A_body_is_plain_when_its_graph_would_keep_its_one_expression(string method, bool plain, bool returned)
    {
        var compilation = TestCompilations.Create(Source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var body = Body(tree, model, method);

        Assert.Equal(plain, PlainBody.TryGet(body, out var found));
        Assert.Equal(returned, plain && found.IsReturned);
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
