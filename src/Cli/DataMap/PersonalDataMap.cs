using System.Collections.Generic;

namespace PiiGuard.Cli.DataMap;

/// <summary>Every destination of personal data in a project or solution, sorted by kind and name.</summary>
internal sealed record PersonalDataMap(string Name, IReadOnlyList<MappedSink> Sinks);
