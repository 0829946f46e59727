using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PiiGuard.Benchmarks;

/// <summary>
/// An analyzer that asks the driver for what PiiGuard asks for (every body's operations, bound) and does
/// nothing with them: the cost any operation analyzer brings, subtracted to see PiiGuard's own.
/// </summary>
/// <remarks>
/// With <see cref="TailKilobytesPerTree"/> (<c>--baseline-tail-kb</c>) it also allocates that much short-lived garbage as
/// each tree completes, after the compile, as PiiGuard's analysis allocates since it waits for complete trees: the
/// collection that allocation brings on is measured without any work of PiiGuard's.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class BaselineAnalyzer() : SilentAnalyzer("BENCH000")
{
    /// <summary>Kilobytes of garbage allocated per completed tree; none by default.</summary>
    public static int TailKilobytesPerTree { get; set; }

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(_ => { });
        if (TailKilobytesPerTree > 0)
        {
            var kilobytes = TailKilobytesPerTree;
            context.RegisterSemanticModelAction(_ =>
            {
                object? last = null;
                for (var i = 0; i < kilobytes; i++)
                {
                    last = new byte[1000];
                }

                GC.KeepAlive(last);
            });
        }
    }
}
