using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.CodeFixes.Editing;

/// <summary>No options: a fix reads only what the code declares, never what the options would infer.</summary>
internal sealed class EmptyOptions : AnalyzerConfigOptionsProvider
{
    public static EmptyOptions Provider { get; } = new();

    public override AnalyzerConfigOptions GlobalOptions { get; } = new None();

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

    private sealed class None : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            value = null!;
            return false;
        }
    }
}
