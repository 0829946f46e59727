using System.Collections.Generic;

namespace PiiGuard.Cli.DataMap;

/// <summary>
/// A destination of personal data: a processor (by the name of its agreement), a log or telemetry call, a
/// store (encrypted or not) or an exception, with the categories it receives in the enum's order.
/// <see cref="PermittedCategories"/> is what every declaration of a processor's name permits;
/// <see cref="ConflictingDeclarations"/> lists them when they differ, else it is null.
/// </summary>
internal sealed record MappedSink(
    MapSinkKind Kind,
    string Name,
    bool Encrypted,
    IReadOnlyList<string>? PermittedCategories,
    IReadOnlyList<MappedCategory> Categories,
    IReadOnlyList<PermittedDeclaration>? ConflictingDeclarations = null)
{
    /// <summary>The sink's name as the baseline and the reports key it: encrypted storage is a destination of its own.</summary>
    public string Key => Encrypted ? $"{Name} (encrypted)" : Name;
}

/// <summary>One of several declarations of a processor's name: the categories it permits, and the code that sends data to it.</summary>
internal sealed record PermittedDeclaration(IReadOnlyList<string> Categories, IReadOnlyList<CodeLocation> Locations);
