using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Flow;

/// <summary>Objects of the compilation filled from a model: constructors, filling methods, fields kept between calls.</summary>
public sealed class ObjectFlowTests
{
    private const string Dto = """
        public class EnquiryDto
        {
            public EnquiryDto(Customer c) { Email = c.Email; Source = c.Source; }
            public EnquiryDto() { }
            public string Email { get; set; } = "";
            public string Source { get; set; } = "";
            public void Fill(Customer c) { Email = c.Email; }
            public void FillSource(Customer c) { Source = c.Source; }
            public void Copy(string email) { Email = email; }
        }
        """;

    public static TheoryData<string, string> Cases() => new()
    {
        { "DTO built by its constructor from a model", Dto + "void Run(Customer c) { var d = new EnquiryDto(c); log.LogInformation(\"{E}\", {|PII002:d.Email|}); }" },
        { "clean member of a DTO built by its constructor", Dto + "void Run(Customer c) { var d = new EnquiryDto(c); log.LogInformation(\"{S}\", d.Source); }" },
        { "DTO filled by a method", Dto + "void Run(Customer c) { var d = new EnquiryDto(); d.Fill(c); log.LogInformation(\"{E}\", {|PII002:d.Email|}); }" },
        { "DTO filled by a method with clean members", Dto + "void Run(Customer c) { var d = new EnquiryDto(); d.FillSource(c); log.LogInformation(\"{S} {E}\", d.Source, d.Email); }" },
        { "DTO filled from an argument", Dto + "void Run(Customer c) { var d = new EnquiryDto(); d.Copy(c.Phone!); log.LogInformation(\"{E}\", {|PII002:d.Email|}); }" },
        { "DTO filled from a clean argument", Dto + "void Run(Customer c) { var d = new EnquiryDto(); d.Copy(c.Source); log.LogInformation(\"{E}\", d.Email); }" },
        { "field kept between calls", "private string _last = \"\"; void Remember(Customer c) { _last = c.Email; } void Report() => log.LogInformation(\"{L}\", {|PII002:_last|});" },
        { "field kept between calls, clean", "private string _last = \"\"; void Remember(Customer c) { _last = c.Source; } void Report() => log.LogInformation(\"{L}\", _last);" },
        { "auto-property kept between calls", "private string Last { get; set; } = \"\"; void Remember(Customer c) { Last = c.FullName; } void Report() => log.LogInformation(\"{L}\", {|PII002:Last|});" },
        { "field read by a helper given nothing", "private static Customer s_current = new(); static string Contact() => s_current.FullName; void Report() => log.LogInformation(\"{C}\", {|PII002:Contact()|});" },
        { "field read by a helper given nothing, clean", "private static Customer s_current = new(); static string Segment() => s_current.Source; void Report() => log.LogInformation(\"{S}\", Segment());" },
        { "static field", "private static string s_last = \"\"; void Run(Customer c) { s_last = c.Email; log.LogInformation(\"{L}\", {|PII002:s_last|}); }" },
        { "record a mapper builds prints its members", "static DtoRecord ToDto(Customer c) => new(c.Email, c.Source); void Run(Customer c) { var d = ToDto(c); log.LogInformation(\"{D}\", {|PII002:d|}); }" },
        { "record a mapper builds of clean values", "static DtoRecord ToDto(Customer c) => new(c.Label, c.Source); void Run(Customer c) { var d = ToDto(c); log.LogInformation(\"{D}\", d); }" },
        { "clean member of a record a mapper builds", "static DtoRecord ToDto(Customer c) => new(c.Email, c.Source); void Run(Customer c) { var d = ToDto(c); log.LogInformation(\"{S}\", d.Source); }" },
        { "member of a record a mapper builds", "static DtoRecord ToDto(Customer c) => new(c.Email, c.Source); void Run(Customer c) { var d = ToDto(c); log.LogInformation(\"{E}\", {|PII002:d.Email|}); }" },
        { "field set from a parameter is not guessed", "private string _last = \"\"; void Remember(string value) { _last = value; } void Report() => log.LogInformation(\"{L}\", _last);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Object_flow(string construct, string members)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InClass(members));
    }
}
