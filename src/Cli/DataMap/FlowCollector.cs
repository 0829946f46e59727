using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Cli.DataMap;

/// <summary>
/// Runs the analyzers' engine the way the rules do (same base, same bodies, same findings) but keeps every
/// reach, permitted and encrypted ones included, instead of reporting the violations. Not marked
/// <c>[DiagnosticAnalyzer]</c>: it never ships in the analyzer package and reports nothing.
/// </summary>
#pragma warning disable RS1001 // Run by the tool only, never discovered by a compiler.
internal sealed class FlowCollector : PiiGuardAnalyzer
#pragma warning restore RS1001
{
    // The driver skips an analyzer with no enabled diagnostic, so the collector declares one it never reports
    // (not a rule of the package, so not in its release tracking). Not configurable: `severity = none` in an
    // .editorconfig must not switch the collection off and leave an empty map that passes the check.
#pragma warning disable RS2008
    private static readonly DiagnosticDescriptor s_collecting = new(
        "PIIMAP", "PiiGuard data map", "PiiGuard data map", "PiiGuard", DiagnosticSeverity.Hidden, isEnabledByDefault: true,
        customTags: WellKnownDiagnosticTags.NotConfigurable);
#pragma warning restore RS2008

    private readonly ConcurrentQueue<CollectedFlow> _flows = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_collecting);

    public IReadOnlyCollection<CollectedFlow> Flows => _flows;

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        foreach (var kind in new[] { SinkKind.Processor, SinkKind.Log, SinkKind.Storage, SinkKind.Exception })
        {
            AnalyzeBodies(context, flow, kind, (finding, _) => _flows.Enqueue(new CollectedFlow(
                MapKind(finding.Kind), finding.Target.Name, finding.Target.Encrypted, finding.Target.Permitted, finding.Data.Categories, finding.Location)));
        }

        var entities = new EntitySinks(flow);
        if (!entities.IsReferenced)
        {
            return;
        }

        // EF Core entities, mapped where PII003 finds them: each personal member is stored, encrypted at rest or not.
        foreach (var mapping in entities.Mappings(context.CancellationToken))
        {
            foreach (var (member, categories, encrypted) in entities.PersonalMembers(mapping.Entity))
            {
                var declaration = entities.IsOwn(member) ? member.Locations.FirstOrDefault(l => l.IsInSource) : null;
                _flows.Enqueue(new CollectedFlow(MapSinkKind.Storage, mapping.Sink, encrypted, null, categories, declaration ?? mapping.Location));
            }
        }
    }

    private static MapSinkKind MapKind(SinkKind kind) => kind switch
    {
        SinkKind.Processor => MapSinkKind.Processor,
        SinkKind.Log => MapSinkKind.Log,
        SinkKind.Storage => MapSinkKind.Storage,
        _ => MapSinkKind.Exception,
    };
}
