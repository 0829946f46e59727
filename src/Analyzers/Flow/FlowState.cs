using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// What the analysis knows at one point of a method: the data held by each local, parameter, field of
/// <c>this</c> and flow capture. Immutable, so branches share it and merge it at joins.
/// </summary>
internal sealed class FlowState
{
    public static readonly object This = new();

    public static readonly FlowState Empty = new(ImmutableDictionary.Create<object, PersonalData>(KeyComparer.Instance));

    private readonly ImmutableDictionary<object, PersonalData> _values;

    private FlowState(ImmutableDictionary<object, PersonalData> values) => _values = values;

    public PersonalData? this[object key] => _values.TryGetValue(key, out var data) ? data : null;

    public IEnumerable<KeyValuePair<object, PersonalData>> Entries => _values;

    public FlowState Set(object key, PersonalData? data) =>
        new(data is null ? _values.Remove(key) : _values.SetItem(key, data));

    public static FlowState Merge(FlowState? left, FlowState right)
    {
        if (left is null || ReferenceEquals(left, right))
        {
            return right;
        }

        if (right._values.IsEmpty)
        {
            return left;
        }

        if (left._values.IsEmpty)
        {
            return right;
        }

        // Only what changes is written: at a join the fixed point revisits, usually nothing does.
        var merged = left._values;
        foreach (var entry in right._values)
        {
            var existing = left[entry.Key];
            var value = PersonalData.Merge(existing, entry.Value)!;
            if (!ReferenceEquals(value, existing))
            {
                merged = merged.SetItem(entry.Key, value);
            }
        }

        return ReferenceEquals(merged, left._values) ? left : new FlowState(merged);
    }

    public static bool SameFacts(FlowState? left, FlowState? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left._values.Count != right._values.Count)
        {
            return false;
        }

        foreach (var entry in left._values)
        {
            if (!PersonalData.SameFacts(entry.Value, right[entry.Key]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Symbols compare as symbols; capture IDs and <see cref="This"/> by value.</summary>
    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) =>
            x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

        public int GetHashCode(object obj) =>
            obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
    }
}

/// <summary>Keys of <see cref="FlowState"/> for flow captures (CaptureId is a struct; boxing keeps one key type).</summary>
internal static class CaptureKey
{
    public static object Of(CaptureId id) => id;
}
