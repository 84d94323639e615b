using System.Text.Encodings.Web;
using System.Text.Json;
using LogSentinel.Report.Daily;

namespace LogSentinel.Report.Rendering;

/// <summary>The report's figures as JSON: snake_case, times with their local offset, Vietnamese text unescaped.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Serialize(DailyReport report) => JsonSerializer.Serialize(report, Options);
}
