using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Sinks;

/// <summary>An EF Core entity, where a context maps it (a DbSet property or a <c>modelBuilder.Entity&lt;T&gt;()</c> call) and that sink's name.</summary>
internal sealed class EntityMapping
{
    public EntityMapping(INamedTypeSymbol entity, Location location, string sink)
    {
        Entity = entity;
        Location = location;
        Sink = sink;
    }

    public INamedTypeSymbol Entity { get; }

    public Location Location { get; }

    public string Sink { get; }
}
