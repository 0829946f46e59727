using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>The same <c>.editorconfig</c> keys for every file, as a <c>.globalconfig</c> would give.</summary>
internal sealed class FixedOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly FixedOptions _options;

    public FixedOptionsProvider(IReadOnlyDictionary<string, string> values) => _options = new FixedOptions(values);

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
}
