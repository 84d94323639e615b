using System.Text.Json;

namespace LogSentinel.Tests.Simulate;

/// <summary>A parsed application JSON line.</summary>
internal sealed record AppRecord(DateTimeOffset Ts, string Event, string Account, string? Agency, string? ClientIp, string? SessionId,
    string? RequestId, string? CitizenId, string? Result, bool? DefaultPassword, int? PasswordAgeDays)
{
    public static List<AppRecord> ParseAll(IEnumerable<string> lines)
    {
        var result = new List<AppRecord>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            result.Add(new AppRecord(
                r.GetProperty("ts").GetDateTimeOffset(),
                r.GetProperty("event").GetString()!,
                r.GetProperty("account").GetString()!,
                Str(r, "agency"),
                Str(r, "client_ip"),
                Str(r, "session_id"),
                Str(r, "request_id"),
                Str(r, "citizen_id"),
                Str(r, "result"),
                r.TryGetProperty("default_password", out var d) ? d.GetBoolean() : null,
                r.TryGetProperty("password_age_days", out var a) ? a.GetInt32() : null));
        }

        return result;
    }

    private static string? Str(JsonElement r, string name) => r.TryGetProperty(name, out var v) ? v.GetString() : null;
}
