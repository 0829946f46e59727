using Verifier = PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.MisconfigurationAnalyzer>;

namespace PiiGuard.Tests.Rules.PII101;

public sealed class MisconfigurationTests
{
    private const string Vendor = """

        public sealed class VendorSdk
        {
            public void Upload(object payload) { }
            public static string Tokenize(string value) => value;
        }
        """;

    [Fact]
    public Task Processor_without_a_name_is_reported_on_the_attribute() =>
        Verifier.AnalyzerAsync("""
            using PiiGuard;

            [{|#0:ThirdPartyProcessor("", PiiCategory.Email)|}]
            public interface IMarketingClient { void Send(object o); }

            public sealed class Crm
            {
                [{|#1:ThirdPartyProcessor("   ")|}]
                public void Push(object o) { }
            }
            """,
            Verifier.Diagnostic("PII101").WithLocation(0)
                .WithMessage("[ThirdPartyProcessor] names no processor: give the name its data processing agreement uses, or PII001 cannot say where the data goes"),
            Verifier.Diagnostic("PII101").WithLocation(1)
                .WithMessage("[ThirdPartyProcessor] names no processor: give the name its data processing agreement uses, or PII001 cannot say where the data goes"));

    [Fact]
    public Task Assembly_level_declarations_naming_missing_methods_are_reported() =>
        Verifier.AnalyzerAsync("""
            using PiiGuard;

            [assembly: {|#0:Redacts(typeof(VendorSdk), "Tokenise")|}]
            [assembly: {|#1:LogSink(typeof(VendorSdk), "Track")|}]
            [assembly: {|#2:StorageSink(typeof(VendorSdk), "Save")|}]
            [assembly: {|#3:ThirdPartyProcessor(typeof(VendorSdk), "")|}]
            """ + Vendor,
            Verifier.Diagnostic("PII101").WithLocation(0).WithMessage("[assembly: Redacts] names 'VendorSdk.Tokenise', which does not exist: the declaration is ignored"),
            Verifier.Diagnostic("PII101").WithLocation(1).WithMessage("[assembly: LogSink] names 'VendorSdk.Track', which does not exist: the declaration is ignored"),
            Verifier.Diagnostic("PII101").WithLocation(2).WithMessage("[assembly: StorageSink] names 'VendorSdk.Save', which does not exist: the declaration is ignored"),
            Verifier.Diagnostic("PII101").WithLocation(3).WithMessage("[ThirdPartyProcessor] names no processor: give the name its data processing agreement uses, or PII001 cannot say where the data goes"));

    [Fact]
    public Task Valid_declarations_are_silent() =>
        Verifier.AnalyzerAsync("""
            using PiiGuard;

            [assembly: Redacts(typeof(VendorSdk), "Tokenize")]
            [assembly: LogSink(typeof(VendorSdk), "Upload")]
            [assembly: StorageSink(typeof(System.IO.Stream), "Write")]
            [assembly: ThirdPartyProcessor(typeof(VendorSdk), "Vendor", PiiCategory.Email)]

            [ThirdPartyProcessor("MarketingCloud")]
            public interface IMarketingClient { void Send(object o); }

            public sealed class Audit
            {
                [LogSink] public void Write(string entry) { }
                [Redacts] public static string Hide(string value) => "***";
            }
            """ + Vendor);

    [Fact]
    public Task Fix_points_a_misspelt_declaration_at_the_method_by_nameof() =>
        PiiGuard.Tests.Infrastructure.Verify<PiiGuard.Analyzers.Rules.MisconfigurationAnalyzer>.CodeFixAsync<PiiGuard.CodeFixes.Rules.MisconfigurationCodeFixProvider>(
            """
            using PiiGuard;

            [assembly: {|PII101:Redacts(typeof(VendorSdk), "Tokenise")|}]
            [assembly: {|PII101:LogSink(typeof(VendorSdk), "Uplaod")|}]
            [assembly: {|PII101:StorageSink(typeof(VendorSdk), "Save")|}]
            """ + Vendor,
            """
            using PiiGuard;

            [assembly: Redacts(typeof(VendorSdk), nameof(VendorSdk.Tokenize))]
            [assembly: LogSink(typeof(VendorSdk), nameof(VendorSdk.Upload))]
            [assembly: {|PII101:StorageSink(typeof(VendorSdk), "Save")|}]
            """ + Vendor);
}
