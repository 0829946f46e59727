using System;
using System.Collections.Generic;
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
    /// <summary>The diagnostic property naming the existing method a misspelt declaration most likely means, for the code fix.</summary>
    public const string SuggestionProperty = "Suggestion";

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
                    var properties = ClosestMethod(attribute) is { } closest
                        ? ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, closest)
                        : null;
                    modelContext.ReportDiagnostic(Diagnostic.Create(Descriptors.Misconfiguration, syntax.GetSyntax(modelContext.CancellationToken).GetLocation(), properties, problem));
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

    // For a misspelt method name ("Tokenise"), the method of the type it most likely means ("Tokenize").
    private static string? ClosestMethod(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol type
            || attribute.ConstructorArguments[1].Value is not string name)
        {
            return null;
        }

        var candidates = new List<ITypeSymbol>();
        for (ITypeSymbol? current = type; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            candidates.Add(current);
        }

        candidates.AddRange(type.AllInterfaces);
        string? best = null;
        var bestDistance = Math.Max(2, name.Length / 3) + 1;
        foreach (var method in candidates.SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary))
        {
            var distance = EditDistance(name, method.Name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (method.Name, distance);
            }
        }

        return best;
    }

    // Case-insensitive Levenshtein distance, for names of a few dozen characters.
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
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
