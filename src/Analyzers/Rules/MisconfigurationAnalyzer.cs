using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Options;

namespace PiiGuard.Analyzers.Rules;

/// <summary>
/// PII101: a PiiGuard declaration that cannot work: a processor with no name, an assembly-level
/// declaration naming a method its type does not have. Reported on the attribute; the rest of the
/// analysis goes on without it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MisconfigurationAnalyzer : PiiGuardAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Misconfiguration);

    internal override void OnCompilationStart(CompilationStartAnalysisContext context, PersonalDataFlow flow)
    {
        var known = flow.KnownTypes;
        context.RegisterSymbolAction(
            symbolContext =>
            {
                foreach (var attribute in symbolContext.Symbol.GetAttributes())
                {
                    if (Problem(attribute, known) is { } problem && attribute.ApplicationSyntaxReference is { } syntax)
                    {
                        symbolContext.ReportDiagnostic(Diagnostic.Create(Descriptors.Misconfiguration, syntax.GetSyntax(symbolContext.CancellationToken).GetLocation(), problem));
                    }
                }
            },
            SymbolKind.NamedType,
            SymbolKind.Method);

        // Options: each bad value once per compilation, with no source location (it lives in a config file).
        var reported = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
        context.RegisterSyntaxTreeAction(treeContext =>
        {
            foreach (var problem in PiiGuardOptions.Problems(PiiGuardOptions.For(treeContext.Options, treeContext.Tree)))
            {
                if (reported.TryAdd(problem, true))
                {
                    treeContext.ReportDiagnostic(Diagnostic.Create(Descriptors.Misconfiguration, Location.None, problem));
                }
            }
        });

        // Assembly-level declarations, checked with the file that holds them.
        context.RegisterSemanticModelAction(modelContext =>
        {
            foreach (var attribute in modelContext.SemanticModel.Compilation.Assembly.GetAttributes())
            {
                if (attribute.ApplicationSyntaxReference is { } syntax
                    && syntax.SyntaxTree == modelContext.SemanticModel.SyntaxTree
                    && Problem(attribute, known) is { } problem)
                {
                    modelContext.ReportDiagnostic(Diagnostic.Create(Descriptors.Misconfiguration, syntax.GetSyntax(modelContext.CancellationToken).GetLocation(), problem));
                }
            }
        });
    }

    private static string? Problem(AttributeData attribute, KnownTypes known)
    {
        var type = attribute.AttributeClass;
        var arguments = attribute.ConstructorArguments;
        if (type is null || arguments.IsEmpty)
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(type, known.ThirdPartyProcessorAttribute))
        {
            var name = arguments[0].Kind == TypedConstantKind.Type ? (arguments.Length > 1 ? arguments[1] : default) : arguments[0];
            return name.Value is string text && text.Trim().Length > 0
                ? null
                : "[ThirdPartyProcessor] names no processor: give the name its data processing agreement uses, or PII001 cannot say where the data goes";
        }

        var isDeclaration = SymbolEqualityComparer.Default.Equals(type, known.LogSinkAttribute)
            || SymbolEqualityComparer.Default.Equals(type, known.StorageSinkAttribute)
            || SymbolEqualityComparer.Default.Equals(type, known.RedactsAttribute);
        if (isDeclaration && arguments.Length == 2 && arguments[0].Value is INamedTypeSymbol target)
        {
            var method = arguments[1].Value as string;
            var exists = method is not null && HasMethod(target, method);
            return exists
                ? null
                : $"[assembly: {type.Name.Replace("Attribute", string.Empty)}] names '{target.Name}.{method}', which does not exist: the declaration is ignored";
        }

        return null;
    }

    private static bool HasMethod(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).OfType<IMethodSymbol>().Any())
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(contract => contract.GetMembers(name).OfType<IMethodSymbol>().Any());
    }
}
