using System.Globalization;
using System.Text;

namespace LogSentinel.Benchmarks;

/// <summary>Unique, realistic gateway-json and app-json lines: 2,000 accounts over 120 agencies, lookups with citizen ids.</summary>
internal static class BenchmarkLines
{
    private static readonly DateTimeOffset Start = new(2024, 1, 15, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly string[] Paths = ["/api/dancu/v1/tra-cuu", "/api/dancu/v1/xac-thuc", "/api/cutru/v1/thuong-tru", "/api/auth/v1/login"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)",
        "Apache-HttpClient/4.5.13 (Java/11.0.19)",
    ];

    public static byte[] Gateway(int i) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"ts":"{{Timestamp(i)}}","request_id":"gw-{{i:x8}}","client_ip":"10.52.{{i % 16}}.{{1 + (i % 250)}}","method":"POST","path":"{{Paths[i % Paths.Length]}}","status":{{(i % 50 == 0 ? 503 : 200)}},"latency_ms":{{40 + (i % 120)}},"bytes_out":{{900 + (i % 2000)}},"user_agent":"{{Agents[i % Agents.Length]}}","account":"bth.agency{{i % 120:D3}}.user{{i % 2000:D4}}","agency":"BTH-AG{{i % 120:D3}}","api":"dancu.tra-cuu-cong-dan"}"""));

    public static byte[] App(int i) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"ts":"{{Timestamp(i)}}","event":"citizen_lookup","account":"bth.agency{{i % 120:D3}}.user{{i % 2000:D4}}","agency":"BTH-AG{{i % 120:D3}}","client_ip":"10.52.{{i % 16}}.{{1 + (i % 250)}}","session_id":"s-{{i % 5000:x5}}","request_id":"app-{{i:x8}}","citizen_id":"0{{52 + (i % 9):D2}}{{(100_000_000L + (i * 7_919L)) % 1_000_000_000L:D9}}","purpose":"1.004227","result":"found"}"""));

    private static string Timestamp(int i) => Start.AddMilliseconds(i * 7L).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
