using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Cli.DataMap;

/// <summary>Every flow of personal data in one compilation, found by the analyzers' engine under the project's options.</summary>
internal static class FlowCollection
{
    public static async Task<IReadOnlyCollection<CollectedFlow>> RunAsync(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var collector = new FlowCollector();
        var failures = new List<Exception>();
        var analysis = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(collector),
            new CompilationWithAnalyzersOptions(
                options,
                (exception, _, _) => { lock (failures) { failures.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        await analysis.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);

        // A map with holes would pass the drift check for the wrong reason: an engine failure is an error.
        if (failures.Count > 0)
        {
            throw new ToolError($"PiiGuard's analysis failed on {compilation.AssemblyName}: {failures[0].GetType().Name}: {failures[0].Message}");
        }

        return collector.Flows;
    }
}
