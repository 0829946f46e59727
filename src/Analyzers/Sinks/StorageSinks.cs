using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>
/// Storage that is not encrypted: <c>File.Write*/Append*</c>, writes of a <c>StreamWriter</c>,
/// <c>BinaryWriter</c> or <c>FileStream</c> (silent when the writer sits on a <c>CryptoStream</c>), and
/// sinks declared with <c>[StorageSink]</c> (silent with <c>Encrypted = true</c>).
/// </summary>
internal sealed class StorageSinks : SinkFamily
{
    private readonly KnownTypes _known;
    private readonly DeclaredSinks? _declared;

    public StorageSinks(PersonalDataFlow flow)
        : base(flow)
    {
        _known = flow.KnownTypes;
        _declared = DeclaredSinks.Create(flow.Compilation, _known.StorageSinkAttribute);
    }

    public override SinkKind Kind => SinkKind.Storage;

    protected override PersonalData? Evaluate(BodyAnalysis analysis, IOperation value) => analysis.EvaluateAsText(value);

    public override bool IsSinkCall(IOperation call) =>
        StoredValues(call) is not null
        || call is IInvocationOperation invocation
            && (_declared?.Of(invocation.TargetMethod) is not null || SerializedToFile(invocation) is not null || IsFileWrite(invocation) || IsWriterWrite(invocation));

    // Every invocation StoredValues, SerializedToFile, IsFileWrite and IsWriterWrite take has one of these names.
    public override bool MayBeSinkMethod(IMethodSymbol method)
    {
        var name = method.Name;
        return name == "AddWithValue"
            || name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal)
            || name.StartsWith("Set", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal)
            || name.StartsWith("Serialize", StringComparison.Ordinal) || IsRedisWrite(name)
            || _declared?.Of(method) is not null;
    }

    protected override bool ObserveSink(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, SinkTarget> report)
    {
        if (StoredValues(call) is { } stored)
        {
            foreach (var value in stored.Values)
            {
                if ((stored.Whole ? analysis.Evaluate(value)?.AsValue() : analysis.EvaluateAsText(value)) is { } data)
                {
                    report(value, data, stored.Target);
                }
            }

            return true;
        }

        if (call is not IInvocationOperation invocation)
        {
            return false;
        }

        var method = invocation.TargetMethod;
        if (_declared?.Of(method) is { } declared)
        {
            // An encrypting sink is reported all the same, marked encrypted: the rule skips it, the data map lists it.
            var declaredSink = new SinkTarget(NameOf(method), encrypted: declared.Encrypted);
            foreach (var argument in invocation.Arguments)
            {
                // A storage sink serialises what it is given: a whole object stores all it holds.
                if (argument.Parameter is { } parameter && declared.Writes(parameter) && analysis.Evaluate(argument.Value)?.AsValue() is { } data)
                {
                    report(argument.Value, data, declaredSink);
                }
            }

            return true;
        }

        if (SerializedToFile(invocation) is { } stream)
        {
            // JsonSerializer.Serialize(fileStream, customer): the serialiser writes the whole object to the file.
            var serializedSink = new SinkTarget(NameOf(method));
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value != stream && analysis.Evaluate(argument.Value)?.AsValue() is { } data)
                {
                    report(argument.Value, data, serializedSink);
                }
            }

            return true;
        }

        if (!IsFileWrite(invocation) && !IsWriterWrite(invocation))
        {
            return false;
        }

        // A write over a CryptoStream is a sink all the same: encrypted, so the rule skips it and the data map lists it.
        var sink = new SinkTarget(NameOf(method), encrypted: !IsFileWrite(invocation) && !IsUnencryptedWriterWrite(invocation));
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsContent(parameter))
            {
                foreach (var value in Expand(argument))
                {
                    if (analysis.EvaluateAsText(value) is { } data)
                    {
                        report(value, data, sink);
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Databases, caches, sessions and cookies: the values an ADO.NET parameter, a distributed cache, a
    /// session or a response cookie stores. Keys count too: a cache key built from an address is stored.
    /// </summary>
    private (SinkTarget Target, IReadOnlyList<IOperation> Values, bool Whole)? StoredValues(IOperation call)
    {
        switch (call)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Value" } property } assignment
                when property.Property.ContainingType.InheritsFromOrEquals(_known.DbParameter) || property.Property.ContainingType.Implements(_known.DataParameter):
                return (new SinkTarget($"{property.Property.ContainingType.Name}.Value"), new[] { assignment.Value }, false);
            case IObjectCreationOperation { Type: { } type } creation when type.InheritsFromOrEquals(_known.DbParameter):
                return (new SinkTarget(type.Name), Named(creation.Arguments, "value"), false);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var owner = method.ContainingType;
                if (method.Name == "AddWithValue" && owner.InheritsFromOrEquals(_known.DbParameterCollection))
                {
                    return (new SinkTarget(NameOf(method)), Named(invocation.Arguments, "value"), false);
                }

                if (owner.Is(_known.DapperSqlMapper) && method.Name.StartsWith("Execute", StringComparison.Ordinal))
                {
                    // Dapper writes: the parameter object's members become column values. Queries only filter.
                    return (new SinkTarget(NameOf(method)), Named(invocation.Arguments, "param"), true);
                }

                if (owner.Implements(_known.RedisDatabase) && IsRedisWrite(method.Name))
                {
                    return (new SinkTarget(NameOf(method)), invocation.Arguments.Where(a => a.Parameter?.Type.Name is "RedisKey" or "RedisValue" or "HashEntry" or "NameValueEntry" or "SortedSetEntry"
                        || a.Parameter?.Type is IArrayTypeSymbol).Select(a => a.Value).ToList(), false);
                }

                if ((owner.Implements(_known.DistributedCache) || owner.Is(_known.DistributedCacheExtensions)) && method.Name.StartsWith("Set", StringComparison.Ordinal)
                    || (owner.Implements(_known.Session) || owner.Is(_known.SessionExtensions)) && method.Name.StartsWith("Set", StringComparison.Ordinal)
                    || owner.Implements(_known.ResponseCookies) && method.Name == "Append")
                {
                    return (new SinkTarget(NameOf(method)), Named(invocation.Arguments, "key", "value"), false);
                }

                return null;
            default:
                return null;
        }
    }

    private static string NameOf(IMethodSymbol method) => $"{method.ContainingType.Name}.{method.Name}";

    private static bool IsRedisWrite(string name)
    {
        foreach (var prefix in new[] { "StringSet", "StringAppend", "HashSet", "ListLeftPush", "ListRightPush", "ListInsert", "ListSetByIndex", "SetAdd", "SortedSetAdd", "StreamAdd", "GeoAdd" })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<IOperation> Named(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, params string[] names)
    {
        var values = new List<IOperation>();
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && Array.IndexOf(names, parameter.Name) >= 0)
            {
                values.Add(argument.Value);
            }
        }

        return values;
    }



    private bool IsFileWrite(IInvocationOperation invocation) =>
        SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _known.File)
        && (invocation.TargetMethod.Name.StartsWith("Write", StringComparison.Ordinal) || invocation.TargetMethod.Name.StartsWith("Append", StringComparison.Ordinal));

    /// <summary>The file stream or writer a serialiser writes to, when it is one that is not encrypted.</summary>
    private IOperation? SerializedToFile(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var serializer = method.ContainingType.Is(_known.JsonSerializer) && method.Name.StartsWith("Serialize", StringComparison.Ordinal)
            || method.ContainingType.InheritsFromOrEquals(_known.XmlSerializer) && method.Name == "Serialize";
        if (!serializer)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            var type = argument.Value is IConversionOperation conversion ? conversion.Operand.Type : argument.Value.Type;
            if ((type.InheritsFromOrEquals(_known.FileStream) || type.InheritsFromOrEquals(_known.StreamWriter))
                && !OverCryptoStream(argument.Value, depth: 0))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private bool IsWriterWrite(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name.StartsWith("Write", StringComparison.Ordinal)
        && invocation.Instance?.Type is { } type
        && (type.InheritsFromOrEquals(_known.StreamWriter) || type.InheritsFromOrEquals(_known.BinaryWriter) || type.InheritsFromOrEquals(_known.FileStream));

    private bool IsUnencryptedWriterWrite(IInvocationOperation invocation) =>
        IsWriterWrite(invocation) && !OverCryptoStream(invocation.Instance!, depth: 0);

    /// <summary>Whether a writer was created over a CryptoStream, directly or through a local holding one.</summary>
    private bool OverCryptoStream(IOperation writer, int depth)
    {
        if (depth > 3 || _known.CryptoStream is null)
        {
            return false;
        }

        var value = writer;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.Type.InheritsFromOrEquals(_known.CryptoStream))
        {
            return true;
        }

        if (value is ILocalReferenceOperation local && Initializer(local.Local) is { } initializer)
        {
            value = initializer;
        }

        return value is IObjectCreationOperation creation
            && creation.Arguments.Length > 0
            && OverCryptoStream(creation.Arguments[0].Value, depth + 1);
    }

    private IOperation? Initializer(ILocalSymbol local)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (Flow.SemanticModel(syntax.SyntaxTree).GetOperation(syntax) is IVariableDeclaratorOperation declarator)
            {
                return declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
            }
        }

        return null;
    }

    // The path, encoding and counts say where and how to write, not what.
    private static bool IsContent(IParameterSymbol parameter) =>
        parameter.Name is not ("path" or "encoding" or "cancellationToken" or "offset" or "count" or "index")
        && parameter.Type.TypeKind != TypeKind.Enum;
}
