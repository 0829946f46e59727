using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>A sink the code declares: which parameters of a method are written, and whether the sink encrypts.</summary>
internal sealed class SinkDeclaration
{
    public SinkDeclaration(ImmutableHashSet<int>? parameters, bool encrypted)
    {
        Parameters = parameters;
        Encrypted = encrypted;
    }

    /// <summary>The ordinals of the parameters written; <see langword="null"/> for all of them.</summary>
    public ImmutableHashSet<int>? Parameters { get; }

    public bool Encrypted { get; }

    public bool Writes(IParameterSymbol parameter) => Parameters is null || Parameters.Contains(parameter.Ordinal);
}

/// <summary>
/// Sinks declared with <c>[LogSink]</c> or <c>[StorageSink]</c>: on a method (all its arguments), on a
/// parameter (that argument), on a class (every method), or at assembly level for a type you do not own.
/// </summary>
internal sealed class DeclaredSinks
{
    private readonly INamedTypeSymbol _attribute;
    private readonly ImmutableDictionary<(INamedTypeSymbol Type, string Method), bool> _assemblyLevel;
    private readonly ConcurrentDictionary<IMethodSymbol, SinkDeclaration?> _byMethod = new(SymbolEqualityComparer.Default);
    private readonly System.Func<IMethodSymbol, SinkDeclaration?> _read;

    private DeclaredSinks(Compilation compilation, INamedTypeSymbol attribute)
    {
        _attribute = attribute;
        _read = Read;
        var declared = ImmutableDictionary.CreateBuilder<(INamedTypeSymbol, string), bool>();
        foreach (var data in compilation.Assembly.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                && data.ConstructorArguments.Length == 2
                && data.ConstructorArguments[0].Value is INamedTypeSymbol type
                && data.ConstructorArguments[1].Value is string method)
            {
                declared[(type.OriginalDefinition, method)] = IsEncrypted(data);
            }
        }

        _assemblyLevel = declared.ToImmutable();
    }

    public static DeclaredSinks? Create(Compilation compilation, INamedTypeSymbol? attribute) =>
        attribute is null ? null : new DeclaredSinks(compilation, attribute);

    public SinkDeclaration? Of(IMethodSymbol method) => _byMethod.GetOrAdd(method.OriginalDefinition, _read);

    private SinkDeclaration? Read(IMethodSymbol method)
    {
        if (Declared(method) is { } onMethod)
        {
            return new SinkDeclaration(null, onMethod);
        }

        for (var type = method.ContainingType; type is not null; type = type.BaseType)
        {
            if (Declared(type) is { } onType)
            {
                return new SinkDeclaration(null, onType);
            }

            if (_assemblyLevel.TryGetValue((type.OriginalDefinition, method.Name), out var encrypted))
            {
                return new SinkDeclaration(null, encrypted);
            }
        }

        var parameters = ImmutableHashSet<int>.Empty;
        var allEncrypted = true;
        foreach (var parameter in method.Parameters)
        {
            if (Declared(parameter) is { } onParameter)
            {
                parameters = parameters.Add(parameter.Ordinal);
                allEncrypted &= onParameter;
            }
        }

        return parameters.IsEmpty ? null : new SinkDeclaration(parameters, allEncrypted);
    }

    /// <summary>Whether the symbol carries the attribute: <see langword="null"/> if not, else whether it says Encrypted.</summary>
    private bool? Declared(ISymbol symbol)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, _attribute) && data.ConstructorArguments.IsEmpty)
            {
                return IsEncrypted(data);
            }
        }

        return null;
    }

    private static bool IsEncrypted(AttributeData data)
    {
        foreach (var argument in data.NamedArguments)
        {
            if (argument.Key == "Encrypted" && argument.Value.Value is true)
            {
                return true;
            }
        }

        return false;
    }
}
