using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PiiGuard.Cli.Baseline;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Commands;

/// <summary>The two commands: <c>map</c> (and its <c>--write-baseline</c>) and <c>check</c>.</summary>
internal static class ToolCommands
{
    public static async Task<int> RunAsync(ToolArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var target = MappedTarget.Resolve(arguments.Path);
        var baselinePath = Path.GetFullPath(arguments.Baseline ?? target.DefaultBaseline);
        return arguments.Command == "check"
            ? await CheckAsync(arguments, target, baselinePath, output, cancellationToken).ConfigureAwait(false)
            : await MapAsync(arguments, target, baselinePath, output, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> MapAsync(ToolArguments arguments, MappedTarget target, string baselinePath, TextWriter output, CancellationToken cancellationToken)
    {
        var map = await WorkspaceLoader.MapAsync(target, cancellationToken).ConfigureAwait(false);
        var text = arguments.Format == "json" ? JsonMapWriter.Write(map) : MarkdownMapWriter.Write(map);
        if (arguments.WriteBaseline)
        {
            await WriteFileAsync(baselinePath, BaselineFile.Write(DataMapBaseline.From(map)), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Wrote {Path.GetFileName(baselinePath)}: {map.Sinks.Count} destination(s) of personal data.").ConfigureAwait(false);
        }

        if (arguments.Output is { } file)
        {
            await WriteFileAsync(file, text, cancellationToken).ConfigureAwait(false);
        }
        else if (!arguments.WriteBaseline)
        {
            await output.WriteAsync(text).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> CheckAsync(ToolArguments arguments, MappedTarget target, string baselinePath, TextWriter output, CancellationToken cancellationToken)
    {
        // The baseline first: a missing or malformed one fails at once, before the slow load.
        var shownPath = Path.GetFileName(baselinePath);
        if (!File.Exists(baselinePath))
        {
            throw new ToolError($"no baseline at {baselinePath}: record the current flows with 'piiguard map {arguments.Path} --write-baseline' and commit it");
        }

        string baselineText;
        try
        {
            baselineText = await File.ReadAllTextAsync(baselinePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolError($"cannot read the baseline {baselinePath}: {Program.OneLine(exception.Message)}");
        }

        var baseline = BaselineFile.Parse(baselineText, shownPath);
        var map = await WorkspaceLoader.MapAsync(target, cancellationToken).ConfigureAwait(false);
        var report = DriftReport.Compare(baseline, map);
        var writeCommand = $"piiguard map {arguments.Path} --write-baseline" + (arguments.Baseline is { } custom ? $" --baseline {custom}" : string.Empty);
        await output.WriteAsync(report.Describe(shownPath, writeCommand)).ConfigureAwait(false);
        return report.Fails ? ExitCodes.Drift : ExitCodes.Success;
    }

    // A file the user named that cannot be written (no such directory, no permission) is one line, exit code 2.
    private static async Task WriteFileAsync(string path, string text, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ToolError($"cannot write {path}: {Program.OneLine(exception.Message)}");
        }
    }
}
