using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Sinks;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// The data-flow engine of a compilation, shared by every rule: what is marked, what sanitises, what
/// each method of the compilation does with personal data, and the body analysis that ties them.
/// </summary>
/// <remarks>
/// Cost and bounds: symbols are resolved once per compilation (<see cref="KnownTypes"/>); markings and
/// carrier types are read once per symbol; a body is analysed only when it calls a sink (<see cref="SinkScan"/>)
/// with something that may hold personal data (<see cref="TaintScan"/>), once for all rules, in time linear
/// in its size (<see cref="BodyAnalysis"/>: a bounded fixed point over its control flow graph); a call into
/// another method of the compilation uses that method's summary, computed on first use and memoised
/// (<see cref="Summaries"/>: at most 8 calls deep, cycles settled). There is no whole-program fixed
/// point, so a keystroke costs the edited body plus the summaries it needs.
/// </remarks>
internal sealed class PersonalDataFlow
{
    // Keyed by compilation, then by options: the same compilation analysed under other options (an edited
    // .editorconfig) must not see markings inferred under the old ones. The inner map is a plain dictionary
    // held by the compilation's entry: a weak table keyed by a provider that outlives the compilation (the
    // IDE keeps one) would keep the engine, and through it the compilation and its trees, alive for good.
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<AnalyzerConfigOptionsProvider, PersonalDataFlow?>> s_byCompilation = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxNode, Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph> _graphs = new();
    private readonly System.Func<SyntaxTree, SemanticModel> _createModel;
    private readonly ConcurrentDictionary<ISymbol, string> _steps = new(SymbolEqualityComparer.Default);
    private readonly System.Func<ISymbol, string> _describeStep = DescribeStep;
    private readonly ConcurrentDictionary<string, bool> _declaredMembers = new(System.StringComparer.Ordinal);
    private readonly System.Func<string, bool> _declaresMember;
    private readonly IAssemblySymbol _assembly;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _hasBody = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IMethodSymbol, bool> _readHasBody;
    private readonly ConcurrentDictionary<ISymbol, bool> _isStorage = new(SymbolEqualityComparer.Default);
    private readonly System.Func<ISymbol, bool> _readIsStorage = ReadIsStorage;

    private PersonalDataFlow(Compilation compilation, KnownTypes knownTypes, AnalyzerConfigOptionsProvider options)
    {
        _compilation = compilation;
        _assembly = compilation.Assembly;
#pragma warning disable RS1030, RS0030 // Summaries read the bodies of callees in other trees; one model per tree, cached.
        _createModel = tree => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030, RS0030
        _declaresMember = name => _compilation.ContainsSymbolsWithName(name, SymbolFilter.Member);
        _readHasBody = ReadHasBody;
        KnownTypes = knownTypes;
        Markings = new Markings(knownTypes, options);
        Sanitizers = new Sanitizers(compilation, knownTypes);
        MemberWriters = new MemberWriters(this);
        Summaries = new Summaries(this);
        LogSinks = new LogSinks(this);
        StorageSinks = new StorageSinks(this);
        ExceptionSinks = new ExceptionSinks(this);
        ProcessorSinks = new ProcessorSinks(this);
        SinkFamilies = ImmutableArray.Create<SinkFamily>(LogSinks, StorageSinks, ExceptionSinks, ProcessorSinks);
        BodyFindings = new BodyFindings(this);
        var snapshot = SnapshotAnswers.For(compilation, options);
        SourceScan = new SourceScan(this, snapshot);
        SinkScan = new SinkScan(this, snapshot);
        TaintScan = new TaintScan(this);
    }

    /// <summary>Which methods of a type may write each of its fields and auto-properties.</summary>
    public MemberWriters MemberWriters { get; }

    /// <summary>Which operations are sources, and whether a method brings data of its own, from its operations alone.</summary>
    public SourceScan SourceScan { get; }

    /// <summary>Whether a body or a method can send anything to a sink at all, from its operations alone.</summary>
    public SinkScan SinkScan { get; }

    /// <summary>Whether anything a body sends to a sink may hold personal data, whatever the order it runs in.</summary>
    public TaintScan TaintScan { get; }

    public KnownTypes KnownTypes { get; }

    public Compilation Compilation => _compilation;

    public Markings Markings { get; }

    public Sanitizers Sanitizers { get; }

    public Summaries Summaries { get; }

    public LogSinks LogSinks { get; }

    public StorageSinks StorageSinks { get; }

    public ExceptionSinks ExceptionSinks { get; }

    public ProcessorSinks ProcessorSinks { get; }

    /// <summary>Every sink family, for summaries: a method's parameters may reach any of them.</summary>
    public ImmutableArray<SinkFamily> SinkFamilies { get; }

    /// <summary>What each body sends to every sink family, analysed once for all rules.</summary>
    public BodyFindings BodyFindings { get; }

    /// <summary>The engine of a compilation, or <see langword="null"/> when it cannot mark personal data.</summary>
    public static PersonalDataFlow? For(Compilation compilation, AnalyzerOptions options) =>
        s_byCompilation.GetValue(compilation, static _ => new())
            .GetOrAdd(options.AnalyzerConfigOptionsProvider, provider => KnownTypes.Create(compilation) is { } known ? new PersonalDataFlow(compilation, known, provider) : null);

    /// <summary>Whether the method's body is in this compilation, so a summary can be computed.</summary>
    /// <remarks>
    /// A method of a referenced project (a compilation reference, as the IDE and MSBuildWorkspace give) has
    /// source too, but in another compilation: it is a library call here. An auto-property's accessor
    /// (<c>get;</c>) has no body: reading the property reads its storage.
    /// </remarks>
    public bool HasBody(IMethodSymbol method) =>
        !method.IsAbstract && !method.IsExtern && !method.IsImplicitlyDeclared
        && method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet or MethodKind.ExplicitInterfaceImplementation or MethodKind.Constructor
        && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly)
        && _hasBody.GetOrAdd(method.OriginalDefinition.WithBody(), _readHasBody);

    // Memoised per definition: the scans ask it of every call they follow. Most calls are into libraries, which the
    // assembly check above answers without hashing the method.
    private bool ReadHasBody(IMethodSymbol definition) =>
        definition.DeclaringSyntaxReferences is { IsEmpty: false } declarations
        && _compilation.ContainsSyntaxTree(declarations[0].SyntaxTree)
        && declarations[0].GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax { Body: null, ExpressionBody: null };

    /// <summary>
    /// The control flow graph of a body, built once for both its users (the body's own analysis and its
    /// method's summary), whichever comes first; the second takes it out, so graphs do not pile up.
    /// </summary>
    public Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph Graph(SyntaxNode body, System.Func<Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph> build)
    {
        if (_graphs.TryRemove(body, out var graph))
        {
            return graph;
        }

        graph = build();
        _graphs.TryAdd(body, graph);
        return graph;
    }

    /// <summary>
    /// How a path names a step through a symbol: a call ("Formatting.Describe(Customer)"), a member read
    /// ("Customer.FullName") or a local ("local 'summary'"). Made once per symbol: a call's parameter types
    /// are displayed, and most steps are asked for on every pass over a body.
    /// </summary>
    public string Step(ISymbol symbol) => _steps.GetOrAdd(symbol, _describeStep);

    private static string DescribeStep(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => $"{method.ContainingType?.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})",
        ILocalSymbol local => $"local '{local.Name}'",
        _ => $"{symbol.ContainingType?.Name}.{symbol.Name}",
    };

    /// <summary>
    /// Whether a type of the compilation declares a member of this name. Asked of the declaration table once
    /// per name: asked per member read, the table's lookups were a tenth of the engine's time.
    /// </summary>
    public bool DeclaresMember(string name) => _declaredMembers.GetOrAdd(name, _declaresMember);

    public static bool HasSource(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>Fields and auto-properties of the compilation's own types: what its methods store there can be read back.</summary>
    /// <remarks>
    /// Memoised per definition: asked of every read of a member of <c>this</c> by the scans and the analysis, and reading it
    /// allocates (the declarations, and the type's members to find a property's backing field).
    /// </remarks>
    public bool IsStorage(ISymbol member) =>
        member is IFieldSymbol or IPropertySymbol && _isStorage.GetOrAdd(member.OriginalDefinition, _readIsStorage);

    private static bool ReadIsStorage(ISymbol member) =>
        HasSource(member)
        && (member is IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } || member is IPropertySymbol property && IsAutoProperty(property));

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        foreach (var candidate in property.ContainingType.GetMembers())
        {
            if (candidate is IFieldSymbol field && SymbolEqualityComparer.Default.Equals(field.AssociatedSymbol, property))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether printing a value of <paramref name="type"/> prints personal data: records and anonymous
    /// objects print every member; any type whose <c>ToString</c> reads personal data does.
    /// </summary>
    public bool PrintsPersonalData(ITypeSymbol? type, int depth, CancellationToken cancellationToken)
    {
        if (type is null)
        {
            return false;
        }

        if (type.IsAnonymousType || type.IsTupleType || !Markings.Marked(type).IsEmpty)
        {
            return true;
        }

        // Not memoised here: the ToString summary it rests on is, unless a bound cut it.
        return PrintsCore(type, depth, cancellationToken);
    }

    private bool PrintsCore(ITypeSymbol type, int depth, CancellationToken cancellationToken)
    {
        for (var current = type as INamedTypeSymbol; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers(nameof(ToString)))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.IsEmpty: true } toString)
                {
                    if (HasBody(toString))
                    {
                        return Summaries.Get(toString, depth, cancellationToken).Return is not null;
                    }

                    // A record's generated ToString prints every member; a library's own we cannot see.
                    return current.IsRecord && IsGenerated(toString) && !Markings.Carried(current).IsEmpty;
                }
            }
        }

        return false;
    }

    // Generated in source (implicitly declared) or in a referenced assembly ([CompilerGenerated]).
    private static bool IsGenerated(IMethodSymbol method) =>
        method.IsImplicitlyDeclared
        || method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    /// <summary>Keeps the driver's model of a tree for the engine, unless it has one: the model the compiler shares its binding with.</summary>
    internal void Remember(SemanticModel model)
    {
        if (!_models.ContainsKey(model.SyntaxTree))
        {
            _models.TryAdd(model.SyntaxTree, model);
        }
    }

    /// <summary>The semantic model of a tree (the driver's own while it has one), cached for the summaries.</summary>
    internal SemanticModel SemanticModel(SyntaxTree tree) =>
        _models.GetOrAdd(tree, _createModel);
}
