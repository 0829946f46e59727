using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Flow;

namespace PiiGuard.Cli.DataMap;

/// <summary>
/// One reach of personal data into a sink, as the engine found it: the rules report the violating ones,
/// the data map lists them all. <see cref="Permitted"/> is a processor's agreement, null for other sinks.
/// </summary>
internal sealed record CollectedFlow(MapSinkKind Kind, string Sink, bool Encrypted, PiiCategorySet? Permitted, PiiCategorySet Categories, Location Location);
