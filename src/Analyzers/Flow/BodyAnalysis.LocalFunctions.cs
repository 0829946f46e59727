using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PiiGuard.Analyzers.Flow;

internal sealed partial class BodyAnalysis
{
    // Per call of a local function: the state it was last run from, and what it returned and left.
    private Dictionary<IInvocationOperation, (FlowState State, (PersonalData? Returned, FlowState Exit) Result)>? _localCalls;

    /// <summary>What a call of a local function returns: its body run where it is called (<see cref="RunLocalFunction"/>).</summary>
    private PersonalData? LocalFunctionReturn(IInvocationOperation invocation) => RunLocalFunction(invocation, observe: false)?.Returned;

    /// <summary>
    /// Runs a local function's body where it is called: with the state it captures there and its parameters bound
    /// to this call's arguments, one level deeper (a local function is not run again inside its own run).
    /// Observed, its calls are shown with this call's data: a helper that logs its parameter logs what each caller
    /// gives it. The end of <see cref="Run(FlowState)"/> still runs each local function once with the body's exit
    /// state, for those no call reaches.
    /// </summary>
    private (PersonalData? Returned, FlowState Exit)? RunLocalFunction(IInvocationOperation invocation, bool observe)
    {
        var localFunction = invocation.TargetMethod.OriginalDefinition;
        var running = t_runningLocalFunctions ??= new List<IMethodSymbol>();
        if (_nesting >= MaxNesting || running.Contains(localFunction) || LocalFunctionGraph(localFunction) is not { } graph)
        {
            // A recursive call adds nothing its outer run does not: without this cut, a recursive printer
            // (P(a.Left) + P(a.Right)) ran its body once per path, up to MaxNesting deep.
            return null;
        }

        running.Add(localFunction);
        try
        {
            return RunLocalFunction(invocation, localFunction, graph, observe);
        }
        finally
        {
            // Emptied after use: a thread-static list holding symbols would keep their compilation alive.
            running.RemoveAt(running.Count - 1);
        }
    }

    // The local functions this thread is running, outermost first.
    [System.ThreadStatic]
    private static List<IMethodSymbol>? t_runningLocalFunctions;

    private (PersonalData? Returned, FlowState Exit) RunLocalFunction(IInvocationOperation invocation, IMethodSymbol localFunction, ControlFlowGraph graph, bool observe)
    {
        var initial = _state;
        foreach (var parameter in localFunction.Parameters)
        {
            initial = initial.Set(parameter, ArgumentData(invocation.Arguments, parameter.Ordinal));
        }

        if (observe)
        {
            return RunToExit(_flow, graph, initial, _observer, _nesting + 1, _cancellationToken);
        }

        // A value is asked for more than once per pass, and the passes repeat at loops: run once per state.
        _localCalls ??= new Dictionary<IInvocationOperation, (FlowState, (PersonalData?, FlowState))>();
        if (_localCalls.TryGetValue(invocation, out var known) && FlowState.SameFacts(known.State, initial))
        {
            return known.Result;
        }

        var result = RunToExit(_flow, graph, initial, observer: null, _nesting + 1, _cancellationToken);
        _localCalls[invocation] = (initial, result);
        return result;
    }

    // The graph of a local function declared in this body or in one enclosing it (a lambda's graph sees its method's).
    private ControlFlowGraph? LocalFunctionGraph(IMethodSymbol localFunction)
    {
        for (var graph = _graph; graph is not null; graph = graph.Parent)
        {
            if (graph.LocalFunctions.Contains(localFunction))
            {
                return graph.GetLocalFunctionControlFlowGraph(localFunction, _cancellationToken);
            }
        }

        return null;
    }
}
