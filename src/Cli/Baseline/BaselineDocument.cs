using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PiiGuard.Cli.Baseline;

/// <summary>The baseline file's shape: <c>{ "version": 1, "processor": { "MarketingCloud": ["Name", "Email"] }, "log": {…}, "storage": {…}, "exception": {…} }</c>.</summary>
internal sealed class BaselineDocument
{
    [JsonPropertyName("version")]
    public int Version { get; set; }

    [JsonPropertyName("processor")]
    public Dictionary<string, List<string>>? Processor { get; set; }

    [JsonPropertyName("log")]
    public Dictionary<string, List<string>>? Log { get; set; }

    [JsonPropertyName("storage")]
    public Dictionary<string, List<string>>? Storage { get; set; }

    [JsonPropertyName("exception")]
    public Dictionary<string, List<string>>? Exception { get; set; }
}
