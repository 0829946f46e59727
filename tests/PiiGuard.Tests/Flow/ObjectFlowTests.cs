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
        { "record a mapper builds, taken apart", "static DtoRecord ToDto(Customer c) => new(c.Email, c.Source); void Run(Customer c) { var (mail, source) = ToDto(c); log.LogInformation(\"{M}\", {|PII002:mail|}); log.LogInformation(\"{S}\", source); }" },
        { "record built here, taken apart", "void Run(Customer c) { var (mail, source) = new DtoRecord(c.Email, c.Source); log.LogInformation(\"{M}\", {|PII002:mail|}); log.LogInformation(\"{S}\", source); }" },
        { "readonly list field filled in one method, logged in another", "private readonly List<string> _pending = new(); void Queue(Customer c) { _pending.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});" },
        { "get-only list property filled in one method, logged in another", "private List<string> Pending { get; } = new(); void Queue(Customer c) { Pending.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", Pending)|});" },
        { "get-only list property filled with keys", "private List<string> Pending { get; } = new(); void Queue(Customer c) { Pending.Add(c.Source); } void Flush() => log.LogInformation(\"{P}\", string.Join(\",\", Pending));" },
        // Each spelling of a write the member writers find by their names before binding (MemberWriters.WriteOf).
        { "list field filled through a conditional access", "private readonly List<string>? _pending = new(); void Queue(Customer c) { _pending?.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending!)|});" },
        { "list field filled through this", "private readonly List<string> _pending = new(); void Queue(Customer c) { this._pending.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});" },
        { "list field filled after a null-forgiving operator", "private readonly List<string>? _pending = new(); void Queue(Customer c) { _pending!.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending!)|});" },
        { "collection field filled through a cast", "private readonly ICollection<string> _pending = new List<string>(); void Queue(Customer c) { ((List<string>)_pending).Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});" },
        { "fields assigned by deconstruction", "private string _mail = \"\"; private string _source = \"\"; void Remember(Customer c) { (_mail, _source) = (c.Email, c.Source); } void Report() { log.LogInformation(\"{M}\", {|PII002:_mail|}); log.LogInformation(\"{S}\", _source); }" },
        { "field assigned by a compound assignment", "private string _seen = \"\"; void Remember(Customer c) { _seen += c.Email; } void Report() => log.LogInformation(\"{S}\", {|PII002:_seen|});" },
        { "field assigned by ??=", "private string? _first; void Remember(Customer c) { _first ??= c.Email; } void Report() => log.LogInformation(\"{F}\", {|PII002:_first|});" },
        { "list field filled inside checked(…)", "private readonly List<string> _pending = new(); void Queue(Customer c) { checked(_pending).Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});" },
        { "list field filled under a unicode escape of its name", "private readonly List<string> _pending = new(); void Queue(Customer c) { \\u005Fpending.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});" },
        { "list field filled under a verbatim name", "private readonly List<string> _pending = new(); void Queue(Customer c) { @_pending.Add(c.Email); } void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});" },
        { "dictionary field looked up with personal data, not filled", "private readonly Dictionary<string, decimal> _rates = new(); decimal Quote(Customer c) => _rates.TryGetValue(c.Email, out var rate) ? rate : 0m; void Report() => log.LogInformation(\"{R}\", _rates.Count);" },
        // A library call's out arguments take what it holds (BodyAnalysis.HandOut).
        { "value taken out of a dictionary of e-mail addresses", "private readonly Dictionary<int, string> _emails = new(); void Keep(Customer c) { _emails[c.Id] = c.Email; } void Report(int id) { if (_emails.TryGetValue(id, out var mail)) log.LogInformation(\"{M}\", {|PII002:mail|}); }" },
        { "rate looked up by an e-mail address", "private readonly Dictionary<string, decimal> _rates = new(); void Report(Customer c) { if (_rates.TryGetValue(c.Email, out var rate)) log.LogInformation(\"{R}\", rate); }" },
        { "number parsed from a phone number", "void Report(Customer c) { if (long.TryParse(c.Phone, out var digits)) log.LogInformation(\"{D}\", {|PII002:digits|}); }" },
        { "number parsed from a source code", "void Report(Customer c) { if (int.TryParse(c.Source, out var code)) log.LogInformation(\"{C}\", code); }" },
        { "an out variable overwritten by a clean parse", "void Report(Customer c) { var digits = c.Phone!.Length > 0 ? long.Parse(c.Phone) : 0L; long.TryParse(c.Source, out digits); log.LogInformation(\"{D}\", digits); }" },
        // A library extension fills what it extends as an instance method fills its object.
        { "dictionary filled by an extension method", "void Report(Customer c) { IDictionary<string, string> properties = new Dictionary<string, string>(); properties.TryAdd(\"callback\", c.Phone ?? \"\"); log.LogInformation(\"{P}\", {|PII002:properties|}); }" },
        { "dictionary only read by an extension method", "void Report(Customer c) { IDictionary<string, string> properties = new Dictionary<string, string>(); _ = properties.Any(p => p.Value == c.Email); log.LogInformation(\"{P}\", properties); }" },
        // A method of the compilation leaves in its out and ref arguments what its summary says.
        { "phone number handed out by a helper's out parameter", "static bool TryGetCallback(Customer c, out string number) { number = c.Phone ?? \"\"; return number.Length > 0; } void Report(Customer c) { if (TryGetCallback(c, out var number)) log.LogInformation(\"{N}\", {|PII002:number|}); }" },
        { "source handed out by a helper's out parameter", "static bool TryGetSource(Customer c, out string source) { source = c.Source; return source.Length > 0; } void Report(Customer c) { if (TryGetSource(c, out var source)) log.LogInformation(\"{S}\", source); }" },
        { "e-mail address appended through a ref parameter", "static void Append(ref string text, Customer c) { text += c.Email; } void Report(Customer c) { var text = \"to: \"; Append(ref text, c); log.LogInformation(\"{T}\", {|PII002:text|}); }" },
        { "a helper's out parameter given the caller's e-mail address back", "static void Echo(string value, out string copy) { copy = value; } void Report(Customer c) { Echo(c.Email, out var copy); log.LogInformation(\"{C}\", {|PII002:copy|}); }" },
        { "a helper's out parameter given a clean value", "static void Echo(string value, out string copy) { copy = value; } void Report(Customer c) { Echo(c.Source, out var copy); log.LogInformation(\"{C}\", copy); }" },
        { "field set from a parameter is not guessed", "private string _last = \"\"; void Remember(string value) { _last = value; } void Report() => log.LogInformation(\"{L}\", _last);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Object_flow(string construct, string members)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InClass(members));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4040)]
    [InlineData(4050)]
    [InlineData(4055)]
    [InlineData(4060)]
    [InlineData(9000)]
    public Task A_field_filled_far_into_a_long_method_is_found(int padding) =>
        // The member writers search a method's text in chunks before walking it: a name across two chunks is still seen.
        Verifier.AnalyzerAsync(FlowHarness.InClass(
            "private readonly List<string> _pending = new(); void Queue(Customer c) { /*" + new string('x', padding) + "*/ _pending.Add(c.Email); }"
            + " void Flush() => log.LogInformation(\"{P}\", {|PII002:string.Join(\",\", _pending)|});"));

    [Fact]
    public Task A_value_taken_apart_by_a_Deconstruct_extension_holds_what_each_out_parameter_is_given() =>
        // The key and the source are given clean members; the e-mail address is reported where it is logged.
        Verifier.AnalyzerAsync(FlowHarness.InClass(
            "void Report(Customer c) { var (id, mail, source) = c; log.LogInformation(\"{I} {S}\", id, source); log.LogInformation(\"{M}\", {|PII002:mail|}); }") + """

            public static class CustomerParts
            {
                public static void Deconstruct(this Customer c, out int id, out string mail, out string source)
                {
                    id = c.Id;
                    mail = c.Email;
                    source = c.Source;
                }
            }
            """);

    [Fact]
    public Task An_object_returned_on_one_path_and_the_argument_on_another_keeps_both() =>
        // The returned value is the argument's object or one built here: the argument's data must not be lost with its members.
        Verifier.AnalyzerAsync(
            FlowHarness.InClass("""
                static PlainDto Normalise(PlainDto input, Customer c)
                {
                    input.Source = "";
                    if (input.Email.Length == 0) return new PlainDto { Email = c.Email };
                    return input;
                }

                void Run(Customer c) => log.LogInformation("{D}", {|#0:Normalise(new PlainDto { Email = c.Phone! }, c).Email|});
                """),
            Verifier.Diagnostic("PII002").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("Customer.Email (Email) and Customer.Phone (PhoneNumber) reach ILogger.LogInformation through Service.Normalise(PlainDto, Customer)"));

    [Fact]
    public Task A_customer_a_generic_wrapper_holds_is_read_back_as_the_customer() =>
        // Built in one method, it is silent: a Customer logged as text prints no member. Built by a helper, the same.
        Verifier.AnalyzerAsync(FlowHarness.InClass("""
            public sealed class Envelope<T> { public T Body { get; set; } = default!; }
            static Envelope<T> Wrap<T>(T body) => new Envelope<T> { Body = body };
            void Here(Customer c) { var e = new Envelope<Customer> { Body = c }; log.LogInformation("{B}", e.Body); }
            void ByHelper(Customer c) { var e = Wrap(c); log.LogInformation("{B}", e.Body); }
            void Member(Customer c) { var e = Wrap(c); log.LogInformation("{E}", {|PII002:e.Body.Email|}); }
            """));
}
