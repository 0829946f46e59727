using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Rules.PII002;

/// <summary>Custom log and audit sinks declared with [LogSink]: method, parameter, class, assembly level.</summary>
public sealed class DeclaredLogSinkTests
{
    private const string Sinks = """

        public sealed class AuditStore
        {
            [LogSink] public void Append(string entry, int severity) { }
            public void Flush(string reason) { }
            public void Tag(string key, [LogSink] string value) { }
        }

        [LogSink]
        public sealed class Telemetry
        {
            public void Track(string name, params object[] properties) { }
        }

        public sealed class VendorTelemetry
        {
            public void Event(string name, object payload) { }
            public void Other(string name) { }
        }
        """;

    private static string Source(string body) =>
        FlowHarness.InBody("var store = new AuditStore(); var telemetry = new Telemetry(); var vendor = new VendorTelemetry();\n" + body)
            .Replace("using PiiGuard;\n", "using PiiGuard;\n[assembly: LogSink(typeof(VendorTelemetry), \"Event\")]\n", StringComparison.Ordinal)
        + Sinks;

    public static TheoryData<string, string> Cases() => new()
    {
        { "[LogSink] method", "store.Append({|PII002:c.Email|}, 1);" },
        { "[LogSink] method with clean values", "store.Append(c.Source, c.Id);" },
        { "other method of the type", "store.Flush(c.Email);" },
        { "[LogSink] parameter", "store.Tag(c.Email, {|PII002:c.Phone|}!);" },
        { "the other parameter of the method", "store.Tag(c.Email, c.Source);" },
        { "[LogSink] class, params", "telemetry.Track(\"enquiry\", c.Id, {|PII002:c.FullName|});" },
        { "assembly-level declaration", "vendor.Event(\"enquiry\", {|PII002:new { c.Email }|});" },
        { "assembly-level declaration, other method", "vendor.Other(c.Email);" },
        { "through a local", "var entry = $\"login {c.Email}\"; store.Append({|PII002:entry|}, 2);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Declared_log_sink(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(Source(body));
    }
}
