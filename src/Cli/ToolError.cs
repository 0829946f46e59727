using System;

namespace PiiGuard.Cli;

/// <summary>A failure the user can act on: printed as one line, exit code 2, no stack trace.</summary>
internal sealed class ToolError : Exception
{
    public ToolError(string message)
        : base(message)
    {
    }
}
