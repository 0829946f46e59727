using System;

namespace PiiGuard.Cli.DataMap;

/// <summary>A line of a source file, the path relative to the mapped project or solution, with forward slashes.</summary>
internal sealed record CodeLocation(string Path, int Line) : IComparable<CodeLocation>
{
    public int CompareTo(CodeLocation? other) =>
        other is null ? 1 : string.CompareOrdinal(Path, other.Path) is var byPath and not 0 ? byPath : Line.CompareTo(other.Line);

    public override string ToString() => $"{Path}:{Line}";
}
