using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Cli.DataMap;

namespace PiiGuard.Cli.Baseline;

/// <summary>Reads and writes <c>piiguard.datamap.json</c>: sorted, one category per line, so a review sees exactly what changed.</summary>
internal static class BaselineFile
{
    public const string DefaultName = "piiguard.datamap.json";

    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions s_options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new CategoryConverter() },
    };

    public static string Write(DataMapBaseline baseline)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", CurrentVersion);
            foreach (var kind in Enum.GetValues<MapSinkKind>())
            {
                json.WriteStartObject(kind.Id());
                foreach (var entry in baseline.Entries.Where(e => e.Kind == kind).OrderBy(e => e.Sink, StringComparer.Ordinal))
                {
                    json.WriteStartArray(entry.Sink);
                    foreach (var category in entry.Categories.Distinct().OrderBy(c => IndexOf(c)))
                    {
                        json.WriteStringValue(category);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    // The enum's order, as the map lists categories; a name this version does not know goes last.
    private static int IndexOf(string category) =>
        PiiCategorySet.Names.Contains(category) ? PiiCategorySet.Names.ToList().IndexOf(category) : int.MaxValue;

    /// <summary>Parses a baseline; a malformed one is a <see cref="ToolError"/> naming the file and the line.</summary>
    public static DataMapBaseline Parse(string text, string displayPath)
    {
        BaselineDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<BaselineDocument>(text, s_options);
        }
        catch (JsonException exception)
        {
            var reason = exception.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            var line = exception.LineNumber is { } zeroBased ? $" at line {zeroBased + 1}" : string.Empty;
            throw new ToolError($"{displayPath} is not a valid baseline{line}: {reason} (expected {{ \"version\": 1, \"processor\": {{ \"<name>\": [\"<category>\", ...] }}, \"log\": {{...}}, \"storage\": {{...}}, \"exception\": {{...}} }})");
        }

        if (document is null || document.Version != CurrentVersion)
        {
            throw new ToolError($"{displayPath} is not a valid baseline: \"version\" must be {CurrentVersion}");
        }

        var entries = new List<BaselineEntry>();
        Add(entries, MapSinkKind.Processor, document.Processor, displayPath);
        Add(entries, MapSinkKind.Log, document.Log, displayPath);
        Add(entries, MapSinkKind.Storage, document.Storage, displayPath);
        Add(entries, MapSinkKind.Exception, document.Exception, displayPath);
        return new DataMapBaseline(entries);
    }

    private static void Add(List<BaselineEntry> entries, MapSinkKind kind, Dictionary<string, List<string>>? sinks, string displayPath)
    {
        foreach (var (sink, categories) in sinks ?? new Dictionary<string, List<string>>())
        {
            if (categories?.FirstOrDefault(c => !PiiCategorySet.Names.Contains(c)) is { } unknown)
            {
                throw new ToolError($"{displayPath} is not a valid baseline: '{unknown}' under {kind.Id()} \"{sink}\" is not a PiiCategory");
            }

            entries.Add(new BaselineEntry(kind, sink, categories ?? new List<string>()));
        }
    }

    // Strings of the file: a null category is refused where it stands (the serializer adds the line), not
    // passed on as a category nobody can read.
    private sealed class CategoryConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Null => throw new JsonException("a category cannot be null"),
            _ => throw new JsonException($"a category must be a string, not {reader.TokenType}"),
        };

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }
}
