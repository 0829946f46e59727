using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Analyzers;

/// <summary>Where a rule reports what a body sends to its sinks: the options of the body's tree, and the driver's reporter.</summary>
internal readonly struct FindingContext
{
    private readonly Action<Diagnostic> _report;

    public FindingContext(AnalyzerOptions options, SyntaxTree tree, Action<Diagnostic> report)
    {
        Options = options;
        Tree = tree;
        _report = report;
    }

    public AnalyzerOptions Options { get; }

    /// <summary>The tree of the body the findings are in.</summary>
    public SyntaxTree Tree { get; }

    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}
