using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Analyzers.Sinks;

internal enum SinkKind
{
    Log,
    Storage,
    Exception,
    Processor,
}

/// <summary>Where a value goes: a sink's name, for a processor the categories it may receive, for storage whether it encrypts.</summary>
internal sealed class SinkTarget
{
    public SinkTarget(string name, PiiCategorySet? permitted = null, bool encrypted = false)
    {
        Name = name;
        Permitted = permitted;
        Encrypted = encrypted;
    }

    public string Name { get; }

    /// <summary>
    /// Storage that encrypts what it stores (<c>[StorageSink(Encrypted = true)]</c>, a writer over a
    /// <c>CryptoStream</c>): no violation, but still a flow the data map records.
    /// </summary>
    public bool Encrypted { get; }

    /// <summary>The categories a processor may receive; <see langword="null"/> for sinks that may receive none.</summary>
    public PiiCategorySet? Permitted { get; }
}

/// <summary>
/// A family of sinks (logs, storage, exceptions, processors): which values of a call reach one. Each
/// family also follows calls into methods of the compilation whose summary says a parameter reaches
/// one of its sinks, and reports them at the call, naming the method.
/// </summary>
internal abstract class SinkFamily
{
    protected SinkFamily(PersonalDataFlow flow) => Flow = flow;

    public abstract SinkKind Kind { get; }

    protected PersonalDataFlow Flow { get; }

    public void Observe(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, SinkTarget> report)
    {
        var isSink = ObserveSink(call, analysis, report);
#if DEBUG
        // The sink scan skips bodies by IsSinkCall: every test checks that it agrees with what the family reports.
        if (isSink != IsSinkCall(call))
        {
            throw new InvalidOperationException($"{GetType().Name}.IsSinkCall disagrees with ObserveSink on '{call.Syntax}'.");
        }
#endif
        if (isSink || call is not IInvocationOperation invocation || !Flow.HasBody(invocation.TargetMethod)
            || !Flow.SinkScan.MayReachSink(invocation.TargetMethod, analysis.CancellationToken))
        {
            return;
        }

        // Unless the summary is at hand, the arguments first: a call given no personal data sends none, and needs no summary.
        var arguments = invocation.Arguments;
        var data = new PersonalData?[arguments.Length];
        var evaluated = new bool[arguments.Length];
        if (!Flow.Summaries.TryGetKnown(invocation.TargetMethod, out var summary))
        {
            var any = false;
            for (var i = 0; i < arguments.Length; i++)
            {
                data[i] = Evaluate(analysis, arguments[i].Value);
                evaluated[i] = true;
                any |= data[i] is not null;
            }

            if (!any)
            {
                return;
            }

            summary = Flow.Summaries.Get(invocation.TargetMethod, analysis.Nesting, analysis.CancellationToken);
        }

        foreach (var flow in summary.SinkFlows)
        {
            if (flow.Kind != Kind)
            {
                continue;
            }

            for (var i = 0; i < arguments.Length; i++)
            {
                var argument = arguments[i];
                if (argument.Parameter?.Ordinal != flow.Placeholder)
                {
                    continue;
                }

                if (!evaluated[i])
                {
                    data[i] = Evaluate(analysis, argument.Value);
                    evaluated[i] = true;
                }

                if (data[i] is not { } argumentData)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } })
                {
                    // Audit(id, customer.Email): the value given, not the array the compiler builds around the call.
                    foreach (var element in Expand(argument))
                    {
                        if (Evaluate(analysis, element) is { } elementData)
                        {
                            report(element, elementData.Through(Flow.Step(invocation.TargetMethod)), flow.Target);
                        }
                    }
                }
                else
                {
                    report(argument.Value, argumentData.Through(Flow.Step(invocation.TargetMethod)), flow.Target);
                }
            }
        }
    }

    /// <summary>An argument's values: the elements of a <c>params</c> array one by one, else the argument itself.</summary>
    protected static IEnumerable<IOperation> Expand(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements }
            ? elements.ElementValues
            : new[] { argument.Value };

    /// <summary>
    /// Whether a call (invocation, object creation or property assignment) is one of the family's own
    /// sinks, from its shape alone: the answer <see cref="ObserveSink"/> gives, without looking at data.
    /// </summary>
    public abstract bool IsSinkCall(IOperation call);

    /// <summary>
    /// Whether a call to <paramref name="method"/> (an original definition) can be one of the family's sinks, from
    /// the method alone: false only where <see cref="IsSinkCall"/> says no to every invocation of it. Asked once per
    /// method, it spares the family's tests on the calls no family can take (most calls).
    /// </summary>
    public abstract bool MayBeSinkMethod(IMethodSymbol method);

    /// <summary>Reports the values of a call to one of the family's own sinks; true when the call is one.</summary>
    protected abstract bool ObserveSink(IOperation call, BodyAnalysis analysis, Action<IOperation, PersonalData, SinkTarget> report);

    /// <summary>What a value puts into this kind of sink: its text for logs and messages, the whole object where it is serialised.</summary>
    protected abstract PersonalData? Evaluate(BodyAnalysis analysis, IOperation value);
}
