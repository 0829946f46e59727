using System;
using System.Collections.Generic;

namespace PiiGuard.Cli.Commands;

/// <summary>
/// The command line: <c>piiguard map &lt;path&gt; [--format md|json] [--output file] [--write-baseline] [--baseline file]</c>
/// and <c>piiguard check &lt;path&gt; [--baseline file]</c>.
/// </summary>
internal sealed record ToolArguments(string Command, string Path, string Format, string? Output, string? Baseline, bool WriteBaseline)
{
    public const string CheckUsage = "piiguard check <project.csproj|solution.sln|directory> [--baseline <file>]";

    public const string Usage =
        "usage: piiguard map <project.csproj|solution.sln|directory> [--format md|json] [--output <file>] [--write-baseline] [--baseline <file>]\n" +
        "       " + CheckUsage + "\n" +
        "map prints where personal data goes; --write-baseline records it in piiguard.datamap.json (beside the project or solution).\n" +
        "check fails (exit code 1) when the code sends a category of personal data to a destination the baseline does not record.";

    public static ToolArguments Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("map" or "check"))
        {
            throw new ToolError(args.Count == 0 ? "no command: use 'map' or 'check' (piiguard --help)" : $"unknown command '{args[0]}': use 'map' or 'check' (piiguard --help)");
        }

        string? path = null, output = null, baseline = null;
        var format = "md";
        var writeBaseline = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                // check writes no map: an --output it ignored would look like a map that was written.
                case "--format" or "--output" or "-o" or "--write-baseline" when args[0] == "check":
                    throw new ToolError($"check does not take '{args[i]}' (it is an option of map); usage: {CheckUsage}");
                case "--format":
                    format = Value(args, ref i);
                    if (format is not ("md" or "json"))
                    {
                        throw new ToolError($"unknown format '{format}': use md or json");
                    }

                    break;
                case "--output" or "-o":
                    output = Value(args, ref i);
                    break;
                case "--baseline":
                    baseline = Value(args, ref i);
                    break;
                case "--write-baseline" when args[0] == "map":
                    writeBaseline = true;
                    break;
                case var option when option.StartsWith("-", StringComparison.Ordinal):
                    throw new ToolError($"unknown option '{option}' for {args[0]} (piiguard --help)");
                case var positional when path is null:
                    path = positional;
                    break;
                default:
                    throw new ToolError($"unexpected argument '{args[i]}': give one project, solution or directory");
            }
        }

        return new ToolArguments(args[0], path ?? throw new ToolError($"{args[0]} needs a project, solution or directory"), format, output, baseline, writeBaseline);
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ToolError($"{args[i - 1]} needs a value");
}
