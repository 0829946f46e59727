using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using PiiGuard.Cli.Commands;

namespace PiiGuard.Cli;

/// <summary>The piiguard tool's entry point: user errors are one line and exit code 2, never a stack trace.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"] or ["help"])
        {
            Console.WriteLine(ToolArguments.Usage);
            return ExitCodes.Success;
        }

        // Ctrl+C stops the load and the analysis at the next check instead of killing the process mid-write.
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var arguments = ToolArguments.Parse(args);
            var target = MappedTarget.Resolve(arguments.Path);

            // Before any MSBuild type loads: use the MSBuild of the SDK that builds the user's project.
            if (!MSBuildLocator.IsRegistered)
            {
                RegisterSdkOf(target);
            }

            return await ToolCommands.RunAsync(arguments, Console.Out, cancellation.Token).ConfigureAwait(false);
        }
        catch (ToolError error)
        {
            Console.Error.WriteLine($"piiguard: {error.Message}");
            return ExitCodes.Error;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // An output that cannot be written, a baseline that cannot be read: the user's to fix, not a crash.
            Console.Error.WriteLine($"piiguard: {OneLine(error.Message)}");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("piiguard: cancelled");
            return ExitCodes.Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // The SDK the target's own directory selects (its global.json, else the newest), not the one the current
    // directory would: the tool may be run from anywhere.
    private static void RegisterSdkOf(MappedTarget target)
    {
        var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
        {
            DiscoveryTypes = DiscoveryType.DotNetSdk,
            WorkingDirectory = target.Directory,
        }).FirstOrDefault()
            ?? throw new ToolError($"no .NET SDK found to load {Path.GetFileName(target.FilePath)} with (see the global.json that applies to {target.Directory}, if any)");
        MSBuildLocator.RegisterInstance(instance);
    }

    internal static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
