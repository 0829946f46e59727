using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Flow;

/// <summary>
/// One thread's walk through the summaries it is computing: the stack of methods in progress, and the
/// methods of cycles (mutual recursion, methods that store into each other's fields) whose summaries are
/// not final yet. A cycle is settled at its root, the lowest method of the stack it reaches back to, by
/// iterating its members' summaries to a fixed point; then every member is final and memoised, whoever
/// asked first. Before, a summary cut by recursion was never memoised, so each request re-explored the
/// cycle along every path: exponential in the size of the cycle.
/// </summary>
internal sealed class SummaryWalk
{
    // Summaries only grow (more sources, more flows) and sources are capped, so a cycle settles in a few rounds.
    private const int MaxRounds = 6;

    private readonly List<Frame> _stack = new();
    private readonly Dictionary<IMethodSymbol, Open> _open = new(SymbolEqualityComparer.Default);
    private int _reached;

    /// <summary>The current summary of a method in progress or in an unsettled cycle; ties the caller's frame to that cycle.</summary>
    public bool TryGetOpen(IMethodSymbol method, out MethodSummary summary)
    {
        if (!_open.TryGetValue(method, out var open))
        {
            summary = MethodSummary.Empty;
            return false;
        }

        var top = _stack[_stack.Count - 1];
        top.Low = Math.Min(top.Low, open.Low);
        _stack[open.Low].IsCycleRoot = true;
        summary = open.Value;
        return true;
    }

    /// <summary>Records that a bound cut the summary being computed: it and its callers are not memoised.</summary>
    public void CutByDepth()
    {
        if (_stack.Count > 0)
        {
            _stack[_stack.Count - 1].CutByDepth = true;
        }
    }

    /// <summary>
    /// Computes a method's summary: directly when it is in no cycle; when it is the root of one, with its
    /// cycle settled; when it is inside a cycle rooted below, the current value, settled later by the root.
    /// </summary>
    public MethodSummary Compute(
        IMethodSymbol method, int depth, Func<IMethodSymbol, int, MethodSummary> compute, Action<IMethodSymbol, MethodSummary> memoise, Action<IMethodSymbol, int, MethodSummary> memoiseCut)
    {
        try
        {
            return ComputeCore(method, depth, compute, memoise, memoiseCut);
        }
        catch
        {
            // Cancelled (or failed): nothing half-computed may survive into the next request on this thread.
            _stack.Clear();
            _open.Clear();
            throw;
        }
    }

    private MethodSummary ComputeCore(
        IMethodSymbol method, int depth, Func<IMethodSymbol, int, MethodSummary> compute, Action<IMethodSymbol, MethodSummary> memoise, Action<IMethodSymbol, int, MethodSummary> memoiseCut)
    {
        var index = _stack.Count;
        var frame = new Frame(index);
        _stack.Add(frame);
        _open[method] = new Open(MethodSummary.Empty, index, depth, _reached++);
        var summary = compute(method, depth);
        var settled = true;
        if (frame.IsCycleRoot && frame.Low == index)
        {
            _open[method] = new Open(summary, index, depth, _open[method].Order);
            settled = Settle(index, depth, compute);
            summary = _open[method].Value;
        }

        if (frame.Low < index)
        {
            // Inside a cycle rooted below: keep the value open, tie the caller (and what this frame left open) to that root.
            _open[method] = new Open(summary, frame.Low, depth, _open[method].Order);
            Retie(index, frame.Low);
            Pop(frame);
            return summary;
        }

        // Settled (or in no cycle): final, and memoised; where a bound cut it, as the answer for its depth only,
        // so the next request at that depth does not explore the whole cycle again.
        var cut = frame.CutByDepth || !settled;
        foreach (var member in _open.Where(m => m.Value.Low >= index).Select(m => m.Key).ToList())
        {
            var isRoot = member.Equals(method, SymbolEqualityComparer.Default);
            var value = isRoot ? summary : _open[member].Value;
            if (!cut)
            {
                memoise(member, value);
            }
            else
            {
                memoiseCut(member, isRoot ? depth : _open[member].Depth, value);
            }

            _open.Remove(member);
        }

        frame.CutByDepth = cut;
        Pop(frame);
        return summary;
    }

    // Recomputes every member of the cycle rooted at the frame at `root` with the others' current values, until none changes.
    // The first pass only discovered the cycle, one member inside the other, so it may have hit the depth bound; the
    // rounds compute every member as a direct callee of the root, so a long cycle is settled, not cut.
    private bool Settle(int root, int rootDepth, Func<IMethodSymbol, int, MethodSummary> compute)
    {
        _stack[root].CutByDepth = false;
        for (var round = 0; round < MaxRounds; round++)
        {
            var changed = false;
            var members = _open.Where(m => m.Value.Low >= root).OrderBy(m => m.Value.Order).Select(m => m.Key).ToList();
            foreach (var member in members)
            {
                var open = _open[member];
                var frame = new Frame(_stack.Count);
                _stack.Add(frame);
                var depth = Math.Min(open.Depth, rootDepth + 1);
                var next = compute(member, depth);
                Retie(frame.Index, root);
                Pop(frame);
                _open[member] = new Open(next, root, depth, open.Order);
                changed |= !MethodSummary.SameFacts(open.Value, next);
            }

            if (!changed)
            {
                return true;
            }
        }

        return false;
    }

    // What hung on a popped frame hangs on the frame it is tied to.
    private void Retie(int popped, int low)
    {
        foreach (var member in _open.Where(m => m.Value.Low >= popped && m.Value.Low != low).Select(m => m.Key).ToList())
        {
            var open = _open[member];
            _open[member] = new Open(open.Value, low, open.Depth, open.Order);
        }
    }

    private void Pop(Frame frame)
    {
        _stack.RemoveAt(_stack.Count - 1);
        if (_stack.Count > 0)
        {
            var caller = _stack[_stack.Count - 1];
            caller.Low = Math.Min(caller.Low, frame.Low);
            caller.CutByDepth |= frame.CutByDepth;
        }
    }

    private sealed class Frame
    {
        public Frame(int index)
        {
            Index = index;
            Low = index;
        }

        public int Index { get; }

        /// <summary>The lowest frame this one's computation reached back to.</summary>
        public int Low { get; set; }

        public bool IsCycleRoot { get; set; }

        public bool CutByDepth { get; set; }
    }

    private readonly struct Open
    {
        public Open(MethodSummary value, int low, int depth, int order)
        {
            Value = value;
            Low = low;
            Depth = depth;
            Order = order;
        }

        public MethodSummary Value { get; }

        /// <summary>The stack index of the cycle's root (for a method in progress: its own frame).</summary>
        public int Low { get; }

        public int Depth { get; }

        /// <summary>When it was first reached: members are recomputed in that order, so results do not depend on hashing.</summary>
        public int Order { get; }
    }
}
