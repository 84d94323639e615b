using System.Text.Json;
using LogSentinel.Store.Alerts;

namespace LogSentinel.Detect.Alerts;

/// <summary>Turns engine alerts into store rows: explanation and evidence as snake_case JSON documents.</summary>
public static class AlertRecords
{
    /// <summary>The state of an alert the engine raised and nobody has touched yet.</summary>
    public const string OpenState = "open";

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The row for <paramref name="alert"/> as version <paramref name="version"/>, written at <paramref name="now"/>.</summary>
    public static AlertRecord ToRecord(DetectedAlert alert, ulong version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertRecord(
            alert.Id,
            alert.Type,
            alert.EntityKind,
            alert.Entity,
            alert.Agency,
            Utc(alert.WindowStartMs),
            Utc(alert.WindowEndMs),
            (byte)Math.Clamp(alert.Score, 0, 100),
            alert.Severity,
            OpenState,
            string.Empty,
            string.Empty,
            JsonSerializer.Serialize(alert.Explanation, Json),
            JsonSerializer.Serialize(alert.Evidence, Json),
            alert.Category.Vi,
            alert.Category.En,
            Utc(alert.FirstSeenMs),
            Utc(alert.LastSeenMs),
            (uint)alert.Occurrences,
            Utc(alert.DetectedAtMs),
            alert.RaisedAt.UtcDateTime,
            now.UtcDateTime,
            version);
    }

    private static DateTime Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
}
