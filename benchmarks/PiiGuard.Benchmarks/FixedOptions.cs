using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>Options read from a dictionary.</summary>
internal sealed class FixedOptions : AnalyzerConfigOptions
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public FixedOptions(IReadOnlyDictionary<string, string> values) => _values = values;

    public override IEnumerable<string> Keys => _values.Keys;

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
}
