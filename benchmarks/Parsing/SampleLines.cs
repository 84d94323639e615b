using System.Globalization;
using System.Text;

namespace LogSentinel.Benchmarks.Parsing;

/// <summary>Realistic lines of the three formats: varied accounts, addresses, user agents, paths and events.</summary>
internal static class SampleLines
{
    private static readonly string[] Surnames = ["nguyenvan", "tranthi", "levan", "phamthi", "hoangvan", "vuthi", "dangvan", "buithi"];
    private static readonly string[] Given = ["a", "b", "cuong", "dung", "hoa", "lan", "minh", "nam", "phuong", "son", "thao", "tuan"];
    private static readonly string[] Units = ["tp.vpdk", "bth.thue", "ldtbxh.bhxh", "tuphap.hotich", "ca.pc06", "motcua.phanthiet"];
    private static readonly string[] Agencies = ["BTH-VPDK-TUYPHONG", "BTH-CCT-PHANTHIET", "BTH-LDTBXH", "BTH-STP", "BTH-CA-PC06", "BTH-MC-PHANTHIET"];
    private static readonly string[] Provinces = ["001", "006", "019", "052", "060", "079", "089"];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)",
        "python-requests/2.31.0",
        "curl/8.4.0",
        "Apache-HttpClient/4.5.14 (Java/17.0.9)",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
    ];

    private static readonly (string Method, string Path, string Api)[] Endpoints =
    [
        ("POST", "/api/dancu/v1/tra-cuu", "dancu.tra-cuu-cong-dan"),
        ("POST", "/api/dancu/v1/xac-thuc", "dancu.xac-thuc-cong-dan"),
        ("GET", "/api/dancu/v1/ho-gia-dinh", "dancu.tra-cuu-ho-gia-dinh"),
        ("POST", "/api/auth/v1/login", "auth.login"),
        ("GET", "/api/danhmuc/v1/tinh-thanh", "danhmuc.tinh-thanh"),
    ];

    private static readonly string[] Events = ["citizen_lookup", "citizen_lookup", "citizen_lookup", "citizen_lookup", "citizen_lookup", "citizen_lookup", "login", "login_failed", "logout", "password_change"];
    private static readonly string[] Results = ["found", "found", "found", "not_found", "denied", "error"];

    public static byte[][] GatewayJson(int count, int seed = 42) => Build(count, seed, GatewayJsonLine);

    public static byte[][] GatewayCombined(int count, int seed = 42) => Build(count, seed, GatewayCombinedLine);

    public static byte[][] AppJson(int count, int seed = 42) => Build(count, seed, AppJsonLine);

    private static byte[][] Build(int count, int seed, Func<Random, DateTimeOffset, string> line)
    {
        var random = new Random(seed);
        var time = new DateTimeOffset(2024, 1, 15, 7, 30, 0, TimeSpan.FromHours(7));
        var lines = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            time = time.AddMilliseconds(random.Next(1, 900));
            lines[i] = Encoding.UTF8.GetBytes(line(random, time));
        }

        return lines;
    }

    private static string Account(Random r) =>
        $"{Units[r.Next(Units.Length)]}.{Surnames[r.Next(Surnames.Length)]}{Given[r.Next(Given.Length)]}{(r.Next(4) == 0 ? r.Next(1, 9).ToString(CultureInfo.InvariantCulture) : "")}";

    private static string Ip(Random r) => r.Next(20) == 0
        ? $"2001:db8:{r.Next(0x10000):x}:{r.Next(0x10000):x}::{r.Next(1, 0x10000):x}"
        : $"10.{r.Next(40, 70)}.{r.Next(256)}.{r.Next(1, 255)}";

    private static string RequestId(Random r) => r.NextInt64(0x1000_0000_0000L, 0xFFFF_FFFF_FFFFL).ToString("x", CultureInfo.InvariantCulture);

    private static string Status(Random r) => r.Next(50) switch
    {
        0 => "500",
        1 or 2 => "403",
        3 => "404",
        4 => "401",
        _ => "200",
    };

    private static string GatewayJsonLine(Random r, DateTimeOffset t)
    {
        var (method, path, api) = Endpoints[r.Next(Endpoints.Length)];
        var agency = Agencies[r.Next(Agencies.Length)];
        return "{\"ts\":\"" + t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)
            + "\",\"request_id\":\"" + RequestId(r)
            + "\",\"client_ip\":\"" + Ip(r)
            + "\",\"method\":\"" + method
            + "\",\"path\":\"" + path
            + "\",\"status\":" + Status(r)
            + ",\"latency_ms\":" + r.Next(5, 900).ToString(CultureInfo.InvariantCulture)
            + ",\"bytes_out\":" + r.Next(200, 20000).ToString(CultureInfo.InvariantCulture)
            + ",\"user_agent\":\"" + UserAgents[r.Next(UserAgents.Length)]
            + "\",\"account\":\"" + Account(r)
            + "\",\"agency\":\"" + agency
            + "\",\"api\":\"" + api + "\"}";
    }

    private static string GatewayCombinedLine(Random r, DateTimeOffset t)
    {
        var (method, path, _) = Endpoints[r.Next(Endpoints.Length)];
        var query = r.Next(4) == 0 ? "?page=" + r.Next(1, 20).ToString(CultureInfo.InvariantCulture) : "";
        var account = r.Next(10) == 0 ? "-" : Account(r);
        var latency = (r.Next(5, 900) / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        return Ip(r) + " - " + account + " [" + t.ToString("dd/MMM/yyyy:HH:mm:ss ", CultureInfo.InvariantCulture)
            + t.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal)
            + "] \"" + method + " " + path + query + " HTTP/1.1\" " + Status(r) + " "
            + r.Next(200, 20000).ToString(CultureInfo.InvariantCulture) + " \"-\" \"" + UserAgents[r.Next(UserAgents.Length)]
            + "\" " + latency + " \"" + RequestId(r) + "\"";
    }

    private static string AppJsonLine(Random r, DateTimeOffset t)
    {
        var evt = Events[r.Next(Events.Length)];
        var sb = new StringBuilder(320);
        sb.Append("{\"ts\":\"").Append(t.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture))
            .Append("\",\"event\":\"").Append(evt)
            .Append("\",\"account\":\"").Append(Account(r))
            .Append("\",\"agency\":\"").Append(Agencies[r.Next(Agencies.Length)])
            .Append("\",\"client_ip\":\"").Append(Ip(r))
            .Append("\",\"session_id\":\"s-").Append(r.Next(0x1000, 0xFFFF).ToString("x", CultureInfo.InvariantCulture))
            .Append("\",\"request_id\":\"").Append(RequestId(r)).Append('"');
        if (evt == "citizen_lookup")
        {
            var id = Provinces[r.Next(Provinces.Length)] + r.Next(0, 4).ToString(CultureInfo.InvariantCulture)
                + r.Next(0, 100).ToString("00", CultureInfo.InvariantCulture) + r.Next(0, 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
            sb.Append(",\"citizen_id\":\"").Append(id)
                .Append("\",\"purpose\":\"1.00").Append(r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture))
                .Append("\",\"result\":\"").Append(Results[r.Next(Results.Length)]).Append('"');
        }
        else if (evt == "login")
        {
            sb.Append(",\"default_password\":").Append(r.Next(5) == 0 ? "true" : "false")
                .Append(",\"password_age_days\":").Append(r.Next(0, 400).ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append('}').ToString();
    }
}
