using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Flow;

/// <summary>What a method of the compilation does with personal data, seen from its callers.</summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Empty = new(null, ImmutableArray<SinkFlow>.Empty, ImmutableDictionary<ISymbol, PersonalData>.Empty, ImmutableDictionary<int, PersonalData>.Empty);

    public MethodSummary(PersonalData? returned, ImmutableArray<SinkFlow> sinkFlows, ImmutableDictionary<ISymbol, PersonalData> members, ImmutableDictionary<int, PersonalData> outs)
    {
        Return = returned;
        SinkFlows = sinkFlows;
        Members = members;
        Outs = outs;
    }

    /// <summary>The data the method leaves in its <c>out</c> and <c>ref</c> parameters, by ordinal (<c>TryGetCallbackNumber(c, out var number)</c>).</summary>
    public ImmutableDictionary<int, PersonalData> Outs { get; }

    /// <summary>The data the method leaves in the fields and auto-properties of <c>this</c> (a constructor filling a DTO) and of its type (static).</summary>
    public ImmutableDictionary<ISymbol, PersonalData> Members { get; }

    /// <summary>The data of the return value: intrinsic sources, and placeholders for the parameters (and <c>this</c>) that flow to it.</summary>
    public PersonalData? Return { get; }

    /// <summary>The parameters whose data reaches a sink inside the method (or its callees).</summary>
    public ImmutableArray<SinkFlow> SinkFlows { get; }

    /// <summary>Equal for the fixed point of a cycle: the same data returned, sent to sinks and left in members.</summary>
    public static bool SameFacts(MethodSummary left, MethodSummary right) =>
        PersonalData.SameFacts(left.Return, right.Return)
        && left.SinkFlows.Length == right.SinkFlows.Length
        && left.Members.Count == right.Members.Count
        && left.Members.All(member => right.Members.TryGetValue(member.Key, out var other) && PersonalData.SameFacts(member.Value, other))
        && left.Outs.Count == right.Outs.Count
        && left.Outs.All(output => right.Outs.TryGetValue(output.Key, out var other) && PersonalData.SameFacts(output.Value, other));
}

/// <summary>A parameter of a method whose data reaches a sink inside it.</summary>
internal sealed class SinkFlow
{
    public SinkFlow(int placeholder, SinkKind kind, SinkTarget target)
    {
        Placeholder = placeholder;
        Kind = kind;
        Target = target;
    }

    public int Placeholder { get; }

    public SinkKind Kind { get; }

    public SinkTarget Target { get; }
}

/// <summary>
/// Method summaries, computed lazily when a call needs one and memoised for the compilation: a method
/// is analysed once with placeholders for its parameters, whoever calls it.
/// </summary>
/// <remarks>
/// Bounds: summaries nest at most <see cref="MaxDepth"/> calls deep; a call past the bound counts as a
/// method that moves no data, and a summary so cut is not memoised. Recursion (also through fields one
/// method stores and another reads) is settled by <see cref="SummaryWalk"/>: the cycle's summaries start
/// empty and are iterated to a fixed point, then memoised together, so each is computed a bounded
/// number of times and the answer does not depend on which caller asked first.
/// </remarks>
internal sealed class Summaries
{
    private const int MaxDepth = 8;

    [System.ThreadStatic]
    private static SummaryWalk? t_walk;

    private readonly PersonalDataFlow _flow;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary> _cache = new(SymbolEqualityComparer.Default);

    // Summaries a depth bound cut, by the depth they were asked at: the same request gives the same cut
    // answer, so it is computed once per depth, not once per path (deep call chains were exponential).
    private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?[]> _cutByDepth = new(SymbolEqualityComparer.Default);

    public Summaries(PersonalDataFlow flow) => _flow = flow;

    /// <summary>The method's summary when it is already memoised: then asking costs nothing.</summary>
    public bool TryGetKnown(IMethodSymbol method, out MethodSummary summary) =>
        _cache.TryGetValue(method.OriginalDefinition.WithBody(), out summary!);

    public MethodSummary Get(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition.WithBody();
        if (_cache.TryGetValue(method, out var known))
        {
            return known;
        }

        var walk = t_walk ??= new SummaryWalk();
        if (walk.TryGetOpen(method, out var open))
        {
            return open;
        }

        if (depth >= MaxDepth)
        {
            walk.CutByDepth();
            return MethodSummary.Empty;
        }

        if (_cutByDepth.TryGetValue(method, out var cut) && cut[depth] is { } cutSummary)
        {
            walk.CutByDepth();
            return cutSummary;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return walk.Compute(
            method,
            depth,
            (m, d) => Compute(m, d, cancellationToken),
            (m, summary) => _cache.TryAdd(m, summary),
            (m, d, summary) => _cutByDepth.GetOrAdd(m, _ => new MethodSummary?[MaxDepth])[d] = summary);
    }

    private MethodSummary Compute(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (!TryGetBody(method, cancellationToken, out var graph, out var plain))
        {
            return MethodSummary.Empty;
        }

        var summary = Compute(method, graph, plain, depth, cancellationToken);
#if DEBUG
        // A plain body must be summarised as its graph would be: every test checks it on every plain body it meets.
        if (graph is null && Compute(method, plain.CheckedGraph(cancellationToken), plain, depth, cancellationToken) is var fromGraph
            && !(MethodSummary.SameFacts(summary, fromGraph) && SameSinkFlows(summary, fromGraph)))
        {
            throw new System.InvalidOperationException($"The plain summary of {method} differs from its graph's.");
        }
#endif
        return summary;
    }

    // One of the graph or the plain body: the plain body is followed as it stands, without a graph.
    private MethodSummary Compute(IMethodSymbol method, ControlFlowGraph? graph, PlainBody plain, int depth, CancellationToken cancellationToken)
    {
        var initial = FlowState.Empty.Set(FlowState.This, Placeholder(method.ContainingType, PersonalDataSource.ThisPlaceholder, isCarrier: true));
        foreach (var parameter in method.Parameters)
        {
            var isCarrier = !_flow.Markings.Carried(parameter.Type).IsEmpty;
            initial = initial.Set(parameter, Placeholder(parameter, parameter.Ordinal, isCarrier));
        }

        var sinks = ImmutableArray.CreateBuilder<SinkFlow>();
        BodyAnalysis.CallObserver? observer = !_flow.SinkScan.MayReachSink(method, cancellationToken) ? null : (call, analysis) =>
            {
                foreach (var family in _flow.SinkFamilies)
                {
                    family.Observe(call, analysis, (_, data, target) =>
                    {
                        // A parameter personal by its own marking or type is reported inside the method; its callers need not be.
                        foreach (var source in data.Sources.Where(s => s.IsPlaceholder && s.Placeholder >= 0 && !IsPersonalItself(method.Parameters[s.Placeholder])))
                        {
                            if (!sinks.Any(s => s.Placeholder == source.Placeholder && s.Kind == family.Kind && s.Target.Name == target.Name && s.Target.Encrypted == target.Encrypted))
                            {
                                sinks.Add(new SinkFlow(source.Placeholder, family.Kind, target));
                            }
                        }
                    });
                }
            };

        // Without an observer the same return value and members, without looking at calls: a method that sends nothing has no sink flows.
        var (returned, exit) = graph is null
            ? BodyAnalysis.RunPlain(_flow, plain, initial, observer, depth + 1, cancellationToken)
            : BodyAnalysis.RunToExit(_flow, graph, initial, observer, depth + 1, cancellationToken);

        // The type's static fields too: what one method leaves there, another reads (a cache, the last lead seen).
        var members = ImmutableDictionary.Create<ISymbol, PersonalData>(SymbolEqualityComparer.Default);
        foreach (var entry in exit.Entries)
        {
            if (entry.Key is IFieldSymbol or IPropertySymbol
                && SymbolEqualityComparer.Default.Equals(((ISymbol)entry.Key).ContainingType, method.ContainingType))
            {
                members = members.SetItem((ISymbol)entry.Key, entry.Value);
            }
        }

        // What the caller's out and ref arguments hold after the call.
        var outs = ImmutableDictionary<int, PersonalData>.Empty;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind is RefKind.Out or RefKind.Ref && exit[parameter] is { } output)
            {
                outs = outs.Add(parameter.Ordinal, output);
            }
        }

        return new MethodSummary(returned, sinks.ToImmutable(), members, outs);
    }

    /// <summary>
    /// The data the methods of a type leave in one of its fields or auto-properties, from the data they
    /// read themselves (not from their callers' arguments, which differ per call).
    /// </summary>
    public PersonalData? StoredIn(ISymbol member, int depth, CancellationToken cancellationToken)
    {
        PersonalData? stored = null;
        foreach (var method in _flow.MemberWriters.Of(member, cancellationToken))
        {
            // Only data a writer brings of its own stays (its callers' arguments differ per call): a writer with none needs no summary.
            if (_flow.SourceScan.MayBringOwnData(method, cancellationToken)
                && Get(method, depth + 1, cancellationToken).Members.TryGetValue(member, out var data))
            {
                stored = PersonalData.Merge(stored, data.Instantiate(_ => null, _flow.Step(member)));
            }
        }

        return stored;
    }

    /// <summary>
    /// Whether a parameter is personal by its own marking or type: what reaches a sink through it is reported
    /// inside the method, so its summary gives callers no sink flow for it.
    /// </summary>
    public bool IsPersonalItself(IParameterSymbol parameter) =>
        !_flow.Markings.Marked(parameter).IsEmpty
        || !_flow.Markings.Marked(parameter.Type).IsEmpty
        || !_flow.Markings.Carried(parameter.Type).IsEmpty;

    private static PersonalData Placeholder(ISymbol symbol, int ordinal, bool isCarrier) =>
        PersonalData.From(new PersonalDataSource(symbol, PiiCategorySet.Empty, ordinal), isCarrier);

    // The method's body: plain (no graph built), else its control flow graph.
    private bool TryGetBody(IMethodSymbol method, CancellationToken cancellationToken, out ControlFlowGraph? graph, out PlainBody plain)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            var operation = _flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken);
            if (operation is not null && PlainBody.TryGet(operation, out plain))
            {
                graph = null;
                return true;
            }

            graph = operation switch
            {
                IMethodBodyOperation { BlockBody: null, ExpressionBody: null } => null,
                IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null } => _flow.Graph(syntax, () => BodyRoots.Graph(operation, cancellationToken)),
                _ => null,
            };

            if (graph is not null)
            {
                plain = default;
                return true;
            }
        }

        graph = null;
        plain = default;
        return false;
    }
#if DEBUG

    private static bool SameSinkFlows(MethodSummary left, MethodSummary right) =>
        left.SinkFlows.All(flow => right.SinkFlows.Any(other => other.Placeholder == flow.Placeholder && other.Kind == flow.Kind
            && other.Target.Name == flow.Target.Name && other.Target.Encrypted == flow.Target.Encrypted));
#endif
}
