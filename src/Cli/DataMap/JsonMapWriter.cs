using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PiiGuard.Cli.DataMap;

/// <summary>The map for tools: the same content as the Markdown, in a stable shape and order.</summary>
internal static class JsonMapWriter
{
    public static string Write(PersonalDataMap map)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("name", map.Name);
            json.WriteStartArray("sinks");
            foreach (var sink in map.Sinks)
            {
                json.WriteStartObject();
                json.WriteString("kind", sink.Kind.Id());
                json.WriteString("name", sink.Name);
                if (sink.Kind == MapSinkKind.Storage)
                {
                    json.WriteBoolean("encrypted", sink.Encrypted);
                }

                if (sink.PermittedCategories is { } permitted)
                {
                    json.WriteStartArray("permitted");
                    foreach (var category in permitted)
                    {
                        json.WriteStringValue(category);
                    }

                    json.WriteEndArray();
                }

                if (sink.ConflictingDeclarations is { } declarations)
                {
                    json.WriteStartArray("conflictingDeclarations");
                    foreach (var declaration in declarations)
                    {
                        json.WriteStartObject();
                        json.WriteStartArray("permitted");
                        foreach (var category in declaration.Categories)
                        {
                            json.WriteStringValue(category);
                        }

                        json.WriteEndArray();
                        WriteLocations(json, declaration.Locations);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteStartArray("categories");
                foreach (var category in sink.Categories)
                {
                    json.WriteStartObject();
                    json.WriteString("category", category.Category);
                    if (category.SpecialArticle is { } article)
                    {
                        json.WriteString("special", article);
                    }

                    if (category.Permitted is { } isPermitted)
                    {
                        json.WriteBoolean("permitted", isPermitted);
                    }

                    WriteLocations(json, category.Locations);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // The same bytes on every OS: the writer's new lines follow the platform.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteLocations(Utf8JsonWriter json, IEnumerable<CodeLocation> locations)
    {
        json.WriteStartArray("locations");
        foreach (var location in locations)
        {
            json.WriteStartObject();
            json.WriteString("path", location.Path);
            json.WriteNumber("line", location.Line);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
