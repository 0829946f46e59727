using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Rules.PII002;

/// <summary>
/// Serilog's <c>{@x}</c> serialises the whole object, so a carrier leaks all it holds; <c>{x}</c> logs its
/// ToString, which leaks only for records, anonymous objects and personal ToString overrides.
/// Against the real Serilog package.
/// </summary>
public sealed class SerilogDestructuringTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "destructured carrier", "Serilog.Log.Information(\"Customer {@Customer}\", {|PII002:c|});" },
        { "carrier as ToString", "Serilog.Log.Information(\"Customer {Customer}\", c);" },
        { "destructured carrier, second hole", "Serilog.Log.Information(\"{Id} {@Customer}\", c.Id, {|PII002:c|});" },
        { "second hole destructured, first is a plain carrier", "Serilog.Log.Information(\"{Customer} {@Id}\", c, c.Id);" },
        { "escaped brace is no hole", "Serilog.Log.Information(\"{{literal}} {Id} {@Customer}\", c.Id, {|PII002:c|});" },
        { "destructured DTO holding data", "var d = new PlainDto { Email = c.Email }; Serilog.Log.Information(\"{@Dto}\", {|PII002:d|});" },
        { "destructured DTO of keys", "var d = new PlainDto { Source = c.Source }; Serilog.Log.Information(\"{@Dto}\", d);" },
        { "member through Serilog", "Serilog.Log.Warning(\"{Email}\", {|PII002:c.Email|});" },
        { "ILogger instance", "Serilog.ILogger logger = Serilog.Log.Logger; logger.Error(\"{@C}\", {|PII002:c|});" },
        { "params overload", "Serilog.Log.Debug(\"{A} {B} {C} {@D}\", c.Id, c.Source, c.Id, {|PII002:c|});" },
        { "record as ToString", "var r = new CustomerRecord(1, c.Email); Serilog.Log.Information(\"{R}\", {|PII002:r|});" },
        { "ForContext property", "Serilog.Log.ForContext(\"Email\", {|PII002:c.Email|}).Information(\"Enquiry\");" },
        { "ForContext destructuring the object", "Serilog.Log.ForContext(\"Customer\", {|PII002:c|}, destructureObjects: true).Information(\"Enquiry\");" },
        { "ForContext with the object as its text", "Serilog.Log.ForContext(\"Customer\", c).Information(\"Enquiry\");" },
        { "ForContext of a type", "Serilog.Log.ForContext<Customer>().Information(\"Enquiry {Id}\", c.Id);" },
        { "template itself", "Serilog.Log.Information({|PII002:\"Customer \" + c.Email|});" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Serilog(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InBody(body));
    }
}
