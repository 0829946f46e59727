namespace PiiGuard.Cli;

/// <summary>The tool's exit codes, stable for CI scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The check found flows of personal data the baseline does not record.</summary>
    public const int Drift = 1;

    /// <summary>The tool could not do its work: bad arguments, a path that is not a project, a project that does not build, a malformed baseline.</summary>
    public const int Error = 2;

    /// <summary>Stopped by Ctrl+C, as a shell reports a process ended by SIGINT.</summary>
    public const int Cancelled = 130;
}
