using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogSentinel.Store.Tuning;

/// <summary>How a tuning document is written in the store and shown to operators: snake_case JSON, absent values left out.</summary>
public static class TuningJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public static JsonSerializerOptions Indented { get; } = new(Options) { WriteIndented = true };

    public static string Serialize(TuningDocument document, bool indented = false) =>
        JsonSerializer.Serialize(document, indented ? Indented : Options);

    /// <summary>Reads a stored document; a document that does not parse is reported with the version it belongs to.</summary>
    public static TuningDocument Deserialize(string json, ulong version)
    {
        try
        {
            return JsonSerializer.Deserialize<TuningDocument>(json, Options) ?? TuningDocument.Empty;
        }
        catch (JsonException ex)
        {
            throw new StoreException($"Tuning version {version} is not a readable document: {ex.Message}", inner: ex);
        }
    }
}
