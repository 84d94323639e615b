using System.Globalization;
using System.Text;

namespace LogSentinel.Tests.Kafka;

/// <summary>Realistic, unique gateway-json and app-json lines (one province's gateway traffic and lookups).</summary>
internal static class KafkaTestLines
{
    private static readonly DateTimeOffset Start = new(2024, 1, 15, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Paths = ["/api/dancu/v1/tra-cuu", "/api/dancu/v1/xac-thuc", "/api/cutru/v1/thuong-tru", "/api/auth/v1/login"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)",
        "Apache-HttpClient/4.5.13 (Java/11.0.19)",
    ];

    public static byte[] Gateway(int i)
    {
        var ts = Timestamp(i);
        var account = $"bth.agency{i % 40:D2}.user{i % 700:D3}";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"ts":"{{ts}}","request_id":"gw-{{i:x8}}","client_ip":"10.52.{{i % 16}}.{{1 + (i % 250)}}","method":"POST","path":"{{Paths[i % Paths.Length]}}","status":{{(i % 50 == 0 ? 503 : 200)}},"latency_ms":{{40 + (i % 120)}},"bytes_out":{{900 + (i % 2000)}},"user_agent":"{{Agents[i % Agents.Length]}}","account":"{{account}}","agency":"BTH-AG{{i % 40:D3}}","api":"dancu.tra-cuu-cong-dan"}""");
        return Encoding.UTF8.GetBytes(line);
    }

    /// <summary>A citizen look-up (mostly) or a login; <see cref="CitizenId"/> of the same index is the id looked up.</summary>
    public static byte[] App(int i)
    {
        var ts = Timestamp(i);
        var account = $"bth.agency{i % 40:D2}.user{i % 700:D3}";
        var line = i % 10 == 9
            ? string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts}}","event":"login","account":"{{account}}","agency":"BTH-AG{{i % 40:D3}}","client_ip":"10.52.{{i % 16}}.{{1 + (i % 250)}}","session_id":"s-{{i:x6}}","default_password":{{(i % 3 == 0 ? "true" : "false")}},"password_age_days":{{i % 400}}}""")
            : string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts}}","event":"citizen_lookup","account":"{{account}}","agency":"BTH-AG{{i % 40:D3}}","client_ip":"10.52.{{i % 16}}.{{1 + (i % 250)}}","session_id":"s-{{i:x6}}","request_id":"app-{{i:x8}}","citizen_id":"{{CitizenId(i)}}","purpose":"1.004227","result":"found"}""");
        return Encoding.UTF8.GetBytes(line);
    }

    /// <summary>A 12-digit citizen id: province code, then a number unique to <paramref name="i"/>.</summary>
    public static string CitizenId(int i) => string.Create(CultureInfo.InvariantCulture, $"0{52 + (i % 9):D2}{(100_000_000L + (i * 7_919L)) % 1_000_000_000L:D9}");

    public static bool IsLookup(int i) => i % 10 != 9;

    private static string Timestamp(int i) => Start.AddMilliseconds(i * 37L).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
