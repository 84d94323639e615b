using System.Text.Json;

namespace LogSentinel.Tests.Simulate;

/// <summary>A parsed gateway JSON line.</summary>
internal sealed record GatewayRecord(DateTimeOffset Ts, string ClientIp, string Path, int Status, int LatencyMs, string? UserAgent,
    string? Account, string? Agency, string? Api, string? RequestId)
{
    public bool IsLookup => Api == "dancu.tra-cuu-cong-dan";

    public static List<GatewayRecord> ParseAll(IEnumerable<string> lines)
    {
        var result = new List<GatewayRecord>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            result.Add(new GatewayRecord(
                r.GetProperty("ts").GetDateTimeOffset(),
                r.GetProperty("client_ip").GetString()!,
                r.GetProperty("path").GetString()!,
                r.GetProperty("status").GetInt32(),
                r.GetProperty("latency_ms").GetInt32(),
                Str(r, "user_agent"),
                Str(r, "account"),
                Str(r, "agency"),
                Str(r, "api"),
                Str(r, "request_id")));
        }

        return result;
    }

    private static string? Str(JsonElement r, string name) => r.TryGetProperty(name, out var v) ? v.GetString() : null;
}
