using System;

namespace PiiGuard.Cli.DataMap;

/// <summary>The words the formats use for each kind of destination.</summary>
internal static class MapSinkKinds
{
    /// <summary>The JSON and baseline word: "processor", "log", "storage", "exception".</summary>
    public static string Id(this MapSinkKind kind) => kind switch
    {
        MapSinkKind.Processor => "processor",
        MapSinkKind.Log => "log",
        MapSinkKind.Storage => "storage",
        MapSinkKind.Exception => "exception",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The Markdown section heading.</summary>
    public static string Heading(this MapSinkKind kind) => kind switch
    {
        MapSinkKind.Processor => "Third-party processors",
        MapSinkKind.Log => "Logs and telemetry",
        MapSinkKind.Storage => "Storage",
        MapSinkKind.Exception => "Exception messages",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
