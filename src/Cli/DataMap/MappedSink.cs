using System.Collections.Generic;

namespace PiiGuard.Cli.DataMap;

/// <summary>
/// A destination of personal data: a processor (by the name of its agreement), a log or telemetry call, a
/// store (encrypted or not) or an exception, with the categories it receives in the enum's order.
/// </summary>
internal sealed record MappedSink(
    MapSinkKind Kind, string Name, bool Encrypted, IReadOnlyList<string>? PermittedCategories, IReadOnlyList<MappedCategory> Categories)
{
    /// <summary>The sink's name as the baseline and the reports key it: encrypted storage is a destination of its own.</summary>
    public string Key => Encrypted ? $"{Name} (encrypted)" : Name;
}
