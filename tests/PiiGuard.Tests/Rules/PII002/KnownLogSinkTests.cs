using PiiGuard.Tests.Flow;
using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.PersonalDataInLogAnalyzer>;

namespace PiiGuard.Tests.Rules.PII002;

/// <summary>The log and telemetry sinks known without annotation, beyond the Log* extensions.</summary>
public sealed class KnownLogSinkTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "BeginScope with a template", "using (log.BeginScope(\"Enquiry {Email}\", {|PII002:c.Email|})) { }" },
        { "BeginScope with a state object", "using (log.BeginScope({|PII002:new Dictionary<string, object> { [\"Email\"] = c.Email }|})) { }" },
        { "BeginScope with an array of pairs", "using (log.BeginScope({|PII002:new[] { new KeyValuePair<string, object>(\"Id\", c.Id), new KeyValuePair<string, object>(\"Email\", c.Email) }|})) { }" },
        { "BeginScope with an array of key pairs", "using (log.BeginScope(new[] { new KeyValuePair<string, object>(\"Id\", c.Id) })) { }" },
        { "BeginScope with keys", "using (log.BeginScope(\"Enquiry {Id}\", c.Id)) { }" },
        { "ILogger.Log with a state", "log.Log(LogLevel.Information, new EventId(1), {|PII002:c.Email|}, null, (s, e) => s);" },
        { "Console.Out", "Console.Out.WriteLine({|PII002:c.Email|});" },
        { "Console.Error", "Console.Error.Write({|PII002:c.Phone|});" },
        { "Console.Out with keys", "Console.Out.WriteLine(c.Id);" },
        { "Debug.WriteLine", "System.Diagnostics.Debug.WriteLine({|PII002:c.Email|});" },
        { "Debug.Assert message", "System.Diagnostics.Debug.Assert(c.Id > 0, {|PII002:\"Bad customer \" + c.Email|});" },
        { "Trace.TraceInformation", "System.Diagnostics.Trace.TraceInformation(\"{0}\", {|PII002:c.FullName|});" },
        { "Trace.WriteLine of keys", "System.Diagnostics.Trace.WriteLine(c.Source);" },
        { "TraceSource.TraceEvent", "new System.Diagnostics.TraceSource(\"crm\").TraceEvent(System.Diagnostics.TraceEventType.Information, 1, {|PII002:c.Email|});" },
        { "Activity.SetTag", "System.Diagnostics.Activity.Current?.SetTag(\"customer.email\", {|PII002:c.Email|});" },
        { "Activity.AddTag of keys", "System.Diagnostics.Activity.Current?.AddTag(\"customer.id\", c.Id.ToString());" },
        { "Activity.AddBaggage", "System.Diagnostics.Activity.Current?.AddBaggage(\"phone\", {|PII002:c.Phone|});" },
        { "Activity.AddEvent", "System.Diagnostics.Activity.Current?.AddEvent({|PII002:new System.Diagnostics.ActivityEvent(c.Email)|});" },
        { "NLog", "NLog.LogManager.GetCurrentClassLogger().Info(\"Enquiry from {Email}\", {|PII002:c.Email|});" },
        { "NLog of keys", "NLog.LogManager.GetCurrentClassLogger().Warn(\"Enquiry {Id}\", c.Id);" },
        { "NLog destructures a whole object", "NLog.LogManager.GetCurrentClassLogger().Info(\"Customer {@Customer}\", {|PII002:c|});" },
        { "NLog plain carrier", "NLog.LogManager.GetCurrentClassLogger().Info(\"Customer {Customer}\", c);" },
        { "NLog ILogger interface", "NLog.ILogger nlog = NLog.LogManager.GetCurrentClassLogger(); nlog.Error({|PII002:$\"Failed for {c.Phone}\"|});" },
        { "log4net message", "log4net.LogManager.GetLogger(typeof(Customer)).Info({|PII002:c.Email|});" },
        { "log4net format", "log4net.LogManager.GetLogger(typeof(Customer)).InfoFormat(\"Enquiry from {0}\", {|PII002:c.FullName|});" },
        { "log4net of keys", "log4net.LogManager.GetLogger(typeof(Customer)).Debug(c.Id);" },
        { "serialised object logged", "log.LogInformation(\"{Json}\", {|PII002:System.Text.Json.JsonSerializer.Serialize(c)|});" },
        { "a TextWriter that is not the console", "using var w = new System.IO.StringWriter(); w.WriteLine(c.Email);" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Known_log_sink(string construct, string body)
    {
        _ = construct;
        return Verifier.AnalyzerAsync(FlowHarness.InBody(body));
    }
}
