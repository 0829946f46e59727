namespace PiiGuard.Benchmarks;

/// <summary>The command line: <c>--sizes 10k,100k,300k --runs 7 --source dir --no-sdk --write --profile piiguard|baseline --bind-first --allocations --concurrent --baseline-tail-kb N --emit</c>.</summary>
internal sealed class BenchmarkOptions
{
    public IReadOnlyList<int> Sizes { get; private set; } = [10_000, 100_000, 300_000];

    public int Runs { get; private set; } = 7;

    public List<string> Sources { get; } = [];

    public bool Sdk { get; private set; } = true;

    public bool Write { get; private set; }

    /// <summary>The analyzer set to loop over for a profiler (<see cref="ProfileLoop"/>), or <see langword="null"/>.</summary>
    public string? Profile { get; private set; }

    /// <summary>With <see cref="Profile"/>: bind every body before each run, so the execution time is the analyzers' own work.</summary>
    public bool BindFirst { get; private set; }

    /// <summary>With <see cref="Profile"/>: print the types allocated, sampled (<see cref="AllocationSampler"/>).</summary>
    public bool Allocations { get; private set; }

    /// <summary>
    /// Run the analyzers concurrently, as csc and VBCSCompiler do (their driver passes <c>concurrentAnalysis: true</c>):
    /// the wall and marginal times are then a build's, and the analyzers' execution times overlap instead of adding up.
    /// </summary>
    public bool Concurrent { get; private set; }

    /// <summary>
    /// Kilobytes of short-lived garbage the do-nothing baseline allocates as each tree completes (after the compile): what
    /// any analyzer that allocates after the compile costs, without doing anything (<see cref="BaselineAnalyzer"/>).
    /// </summary>
    public int BaselineTailKilobytes { get; private set; }

    /// <summary>
    /// After each analysis, emit the analysed compilation (to memory) and time that too: whether the next step of a build
    /// takes back the collection the first allocations after the compile bring on (item 23 of docs/performance.md).
    /// </summary>
    public bool Emit { get; private set; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                    options.Sizes = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseSize).ToList();
                    break;
                case "--runs":
                    options.Runs = Math.Max(1, int.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "--source":
                    options.Sources.Add(Value(args, ref i));
                    break;
                case "--no-sdk":
                    options.Sdk = false;
                    break;
                case "--write":
                    options.Write = true;
                    break;
                case "--profile":
                    options.Profile = Value(args, ref i);
                    break;
                case "--bind-first":
                    options.BindFirst = true;
                    break;
                case "--allocations":
                    options.Allocations = true;
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--baseline-tail-kb":
                    options.BaselineTailKilobytes = Math.Max(0, int.Parse(Value(args, ref i), System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "--emit":
                    options.Emit = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}' (known: --sizes 10k,100k,300k --runs N --source <dir> --no-sdk --write --profile piiguard|baseline --bind-first --allocations --concurrent --baseline-tail-kb N --emit)");
            }
        }

        return options;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"option '{args[i - 1]}' needs a value");

    private static int ParseSize(string size) =>
        size.EndsWith('k') ? int.Parse(size[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1000 : int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
}
