using System;
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

        try
        {
            var arguments = ToolArguments.Parse(args);

            // Before any MSBuild type loads: use the MSBuild of the SDK that builds the user's project.
            if (!MSBuildLocator.IsRegistered)
            {
                MSBuildLocator.RegisterDefaults();
            }

            return await ToolCommands.RunAsync(arguments, Console.Out, default).ConfigureAwait(false);
        }
        catch (ToolError error)
        {
            Console.Error.WriteLine($"piiguard: {error.Message}");
            return ExitCodes.Error;
        }
        catch (InvalidOperationException error) when (!MSBuildLocator.IsRegistered)
        {
            Console.Error.WriteLine($"piiguard: no .NET SDK found to load projects with: {error.Message}");
            return ExitCodes.Error;
        }
    }
}
