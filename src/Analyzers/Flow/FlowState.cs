using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// What the analysis knows at one point of a method: the data held by each local, parameter, field of
/// <c>this</c> and flow capture. Immutable, so branches share it and merge it at joins.
/// </summary>
/// <remarks>
/// A small array of entries, copied on write: a state holds the few keys that carry data (most bodies a
/// handful, rarely more than a few dozen), so a scan of their hash codes beats a hash trie that allocates
/// nodes on every write and hashes symbols on every read.
/// </remarks>
internal sealed class FlowState
{
    public static readonly object This = new();

    public static readonly FlowState Empty = new(Array.Empty<Entry>());

    private readonly Entry[] _entries;

    private FlowState(Entry[] entries) => _entries = entries;

    public PersonalData? this[object key]
    {
        get
        {
            var index = IndexOf(_entries, _entries.Length, key, HashOf(key));
            return index < 0 ? null : _entries[index].Value;
        }
    }

    public IEnumerable<KeyValuePair<object, PersonalData>> Entries
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return new KeyValuePair<object, PersonalData>(entry.Key, entry.Value);
            }
        }
    }

    public FlowState Set(object key, PersonalData? data)
    {
        var hash = HashOf(key);
        var index = IndexOf(_entries, _entries.Length, key, hash);
        if (data is null)
        {
            if (index < 0)
            {
                return this;
            }

            var removed = new Entry[_entries.Length - 1];
            Array.Copy(_entries, 0, removed, 0, index);
            Array.Copy(_entries, index + 1, removed, index, _entries.Length - index - 1);
            return new FlowState(removed);
        }

        if (index >= 0)
        {
            if (ReferenceEquals(_entries[index].Value, data))
            {
                return this;
            }

            var replaced = (Entry[])_entries.Clone();
            replaced[index] = new Entry(_entries[index].Key, hash, data);
            return new FlowState(replaced);
        }

        var added = new Entry[_entries.Length + 1];
        Array.Copy(_entries, added, _entries.Length);
        added[_entries.Length] = new Entry(key, hash, data);
        return new FlowState(added);
    }

    public static FlowState Merge(FlowState? left, FlowState right)
    {
        if (left is null || ReferenceEquals(left, right) || left._entries.Length == 0)
        {
            return right;
        }

        if (right._entries.Length == 0)
        {
            return left;
        }

        // Only what changes is written: at a join the fixed point revisits, usually nothing does.
        Entry[]? merged = null;
        var count = left._entries.Length;
        foreach (var entry in right._entries)
        {
            var index = IndexOf(left._entries, left._entries.Length, entry.Key, entry.Hash);
            var existing = index < 0 ? null : left._entries[index].Value;
            var value = PersonalData.Merge(existing, entry.Value)!;
            if (ReferenceEquals(value, existing))
            {
                continue;
            }

            if (merged is null)
            {
                merged = new Entry[left._entries.Length + right._entries.Length];
                Array.Copy(left._entries, merged, left._entries.Length);
            }

            if (index >= 0)
            {
                merged[index] = new Entry(merged[index].Key, merged[index].Hash, value);
            }
            else
            {
                merged[count++] = new Entry(entry.Key, entry.Hash, value);
            }
        }

        if (merged is null)
        {
            return left;
        }

        if (count < merged.Length)
        {
            Array.Resize(ref merged, count);
        }

        return new FlowState(merged);
    }

    public static bool SameFacts(FlowState? left, FlowState? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left._entries.Length != right._entries.Length)
        {
            return false;
        }

        foreach (var entry in left._entries)
        {
            var index = IndexOf(right._entries, right._entries.Length, entry.Key, entry.Hash);
            if (index < 0 || !PersonalData.SameFacts(entry.Value, right._entries[index].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(Entry[] entries, int count, object key, int hash)
    {
        for (var i = 0; i < count; i++)
        {
            var entry = entries[i];
            if (entry.Hash == hash && (ReferenceEquals(entry.Key, key) || KeysEqual(entry.Key, key)))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Symbols compare as symbols; capture IDs and <see cref="This"/> by value.</summary>
    private static bool KeysEqual(object x, object y) =>
        x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : x.Equals(y);

    private static int HashOf(object key) =>
        key is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : key.GetHashCode();

    private readonly struct Entry
    {
        public Entry(object key, int hash, PersonalData value)
        {
            Key = key;
            Hash = hash;
            Value = value;
        }

        public object Key { get; }

        public int Hash { get; }

        public PersonalData Value { get; }
    }
}

/// <summary>Keys of <see cref="FlowState"/> for flow captures (CaptureId is a struct; boxing keeps one key type).</summary>
internal static class CaptureKey
{
    // One box per capture number, made once: a capture is looked up on every pass over its block.
    private static readonly object?[] s_boxes = new object?[1024];

    public static object Of(CaptureId id)
    {
        var number = id.GetHashCode();
        if (number < 0 || number >= s_boxes.Length)
        {
            return id;
        }

        // Checked, not trusted: a box of another capture under the same number is replaced, never returned.
        return s_boxes[number] is { } box && box.Equals(id) ? box : s_boxes[number] = id;
    }
}
