namespace PiiGuard.Cli.DataMap;

/// <summary>The kinds of destination the map lists, in the order it lists them.</summary>
internal enum MapSinkKind
{
    Processor,
    Log,
    Storage,
    Exception,
}
