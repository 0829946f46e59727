using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Flow;

/// <summary>One value that reaches a sink: where, with which data, into what.</summary>
internal sealed class SinkFinding
{
    public SinkFinding(SinkKind kind, Location location, PersonalData data, SinkTarget target)
    {
        Kind = kind;
        Location = location;
        Data = data;
        Target = target;
    }

    public SinkKind Kind { get; }

    public Location Location { get; }

    public PersonalData Data { get; }

    public SinkTarget Target { get; }
}

/// <summary>
/// The findings of each body, for every sink family at once: the first rule that asks analyses the body,
/// the others read the result, so four rules cost one analysis.
/// </summary>
internal sealed class BodyFindings
{
    private readonly PersonalDataFlow _flow;
    private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<SinkFinding>> _byBody = new();

    public BodyFindings(PersonalDataFlow flow) => _flow = flow;

    /// <summary>
    /// The findings of the body <paramref name="top"/> (the root of an operation tree) of <paramref name="owner"/>; its
    /// graph is built only when the body can hold personal data and send it somewhere.
    /// </summary>
    public ImmutableArray<SinkFinding> Of(IOperation top, ISymbol owner, CancellationToken cancellationToken)
    {
        var body = top.Syntax;
        if (_byBody.TryGetValue(body, out var known))
        {
            return known;
        }

        // The taint scan: a body that calls no sink (most code), or whose sinks are given nothing that may hold
        // personal data (most of the rest), has nothing to report. One walk over its operations tells both.
        if (!_flow.TaintScan.MaySendPersonalData(top, owner, cancellationToken))
        {
#if DEBUG
            // The scan must over-approximate the analysis: every test checks that it skipped nothing the analysis finds.
            if (Analyze(top, cancellationToken) is { Length: > 0 } missed)
            {
                throw new System.InvalidOperationException($"The taint scan skipped a body with findings: {missed[0].Location} ({missed[0].Data.SourcesText}).");
            }
#endif
            return _byBody.GetOrAdd(body, ImmutableArray<SinkFinding>.Empty);
        }

        return _byBody.GetOrAdd(body, Analyze(top, cancellationToken));
    }

    // Computed outside the dictionary: a cancelled analysis stores nothing; a race computes twice, alike.
    private ImmutableArray<SinkFinding> Analyze(IOperation top, CancellationToken cancellationToken)
    {
        // A plain body (statements that run straight through, PlainBody) is followed as it stands: its graph would be one
        // block holding them. A graph is built here, not taken from the driver's context: the body is analysed in its
        // tree's action, after the block's callback.
        if (PlainBody.TryGet(top, out var plain))
        {
            var findings = Analyze(observer => BodyAnalysis.RunPlain(_flow, plain, FlowState.Empty, observer, nesting: 0, cancellationToken));
#if DEBUG
            // Every test checks that a plain body finds what its graph would, and that its graph is that one block.
            var graph = plain.CheckedGraph(cancellationToken);
            if (!SameFindings(findings, Analyze(observer => BodyAnalysis.Run(_flow, graph, FlowState.Empty, observer, nesting: 0, cancellationToken))))
            {
                throw new System.InvalidOperationException($"The plain findings of {top.Syntax.GetLocation()} differ from its graph's.");
            }
#endif
            return findings;
        }

        return Analyze(observer => BodyAnalysis.Run(
            _flow, _flow.Graph(top.Syntax, () => BodyRoots.Graph(top, cancellationToken)), FlowState.Empty, observer, nesting: 0, cancellationToken));
    }

    private ImmutableArray<SinkFinding> Analyze(System.Action<BodyAnalysis.CallObserver> run)
    {
        var findings = new List<SinkFinding>();

        // One reporter per family for the body, not one per call observed.
        var families = _flow.SinkFamilies;
        var reporters = new System.Action<IOperation, PersonalData, SinkTarget>[families.Length];
        for (var i = 0; i < families.Length; i++)
        {
            var kind = families[i].Kind;
            reporters[i] = (value, data, target) =>
            {
                if (!data.HasPlaceholders && !data.Sources.IsEmpty)
                {
                    Add(findings, new SinkFinding(kind, value.Syntax.GetLocation(), data, target));
                }
            };
        }

        run((call, analysis) =>
        {
            for (var i = 0; i < families.Length; i++)
            {
                families[i].Observe(call, analysis, reporters[i]);
            }
        });

        return findings.ToImmutableArray();
    }

#if DEBUG
    private static bool SameFindings(ImmutableArray<SinkFinding> left, ImmutableArray<SinkFinding> right) =>
        left.Length == right.Length
        && left.All(finding => right.Any(other => other.Kind == finding.Kind && other.Location == finding.Location
            && other.Target.Name == finding.Target.Name && other.Target.Encrypted == finding.Target.Encrypted
            && other.Data.SourcesText == finding.Data.SourcesText && other.Data.PathSuffix == finding.Data.PathSuffix));
#endif

    // A local function's calls are shown once per call of it and once more with the body's exit state: one value, one
    // finding, with the data of every run.
    private static void Add(List<SinkFinding> findings, SinkFinding finding)
    {
        for (var i = 0; i < findings.Count; i++)
        {
            var known = findings[i];
            if (known.Kind == finding.Kind && known.Location.SourceSpan == finding.Location.SourceSpan && known.Location.SourceTree == finding.Location.SourceTree
                && known.Target.Name == finding.Target.Name && known.Target.Encrypted == finding.Target.Encrypted)
            {
                findings[i] = new SinkFinding(known.Kind, known.Location, PersonalData.Merge(known.Data, finding.Data)!, known.Target);
                return;
            }
        }

        findings.Add(finding);
    }
}
