using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LogSentinel.Tests.Simulate;

/// <summary>
/// A strict, independent reading of spec/log-formats.md: every field has the documented type, timestamps are
/// RFC 3339 with an offset, addresses are valid IPs, citizen ids are 12 digits with a real province code, and no
/// field appears that the spec does not list. Returns the first problem, or null.
/// </summary>
internal static partial class SpecChecker
{
    // The 63 CCCD province codes (Circular 07/2016/TT-BCA), kept apart from the simulator's own list on purpose.
    private static readonly HashSet<int> ProvinceCodes =
    [
        1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42,
        44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86,
        87, 89, 91, 92, 93, 94, 95, 96,
    ];

    private static readonly HashSet<string> GatewayFields =
        ["ts", "client_ip", "method", "path", "status", "latency_ms", "bytes_out", "user_agent", "account", "agency", "api", "request_id"];

    private static readonly HashSet<string> AppFields =
    [
        "ts", "event", "account", "agency", "client_ip", "session_id", "request_id", "citizen_id", "purpose", "result",
        "default_password", "password_age_days",
    ];

    private static readonly HashSet<string> AppEvents = ["citizen_lookup", "login", "login_failed", "logout", "password_change"];
    private static readonly HashSet<string> Results = ["found", "not_found", "denied", "error"];
    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3,9})(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339Pattern();

    [GeneratedRegex(@"^(?<ip>\S+) - (?<user>\S+) \[(?<time>\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] ""(?<method>[A-Z]+) (?<path>/\S*) HTTP/1\.1"" (?<status>\d{3}) (?<bytes>\d+) ""(?<ref>[^""]*)"" ""(?<ua>[^""]*)"" (?<rt>\d+\.\d{3}) ""(?<rid>[^""]*)""$")]
    private static partial Regex CombinedPattern();

    [GeneratedRegex(@"^[A-Z]{3}-[A-Z]+-[A-Z0-9]+$")]
    private static partial Regex AgencyPattern();

    [GeneratedRegex(@"^[a-z0-9]+(\.[a-z0-9-]+)+$")]
    private static partial Regex AccountPattern();

    public static DateTimeOffset Rfc3339(string text)
    {
        Assert.Matches(Rfc3339Pattern(), text);
        return DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    public static string? CheckGatewayJson(string line)
    {
        JsonElement r;
        try
        {
            r = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException ex)
        {
            return "not JSON: " + ex.Message;
        }

        if (r.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        foreach (var p in r.EnumerateObject())
        {
            if (!GatewayFields.Contains(p.Name))
            {
                return "unknown field " + p.Name;
            }
        }

        return Required(r, "ts", JsonValueKind.String) ?? Timestamp(r.GetProperty("ts").GetString()!)
            ?? Required(r, "client_ip", JsonValueKind.String) ?? Ip(r.GetProperty("client_ip").GetString()!)
            ?? Required(r, "method", JsonValueKind.String) ?? (Methods.Contains(r.GetProperty("method").GetString()!) ? null : "bad method")
            ?? Required(r, "path", JsonValueKind.String) ?? Path(r.GetProperty("path").GetString()!)
            ?? Required(r, "status", JsonValueKind.Number) ?? Status(r.GetProperty("status"))
            ?? Optional(r, "latency_ms", JsonValueKind.Number) ?? NonNegativeInt(r, "latency_ms")
            ?? Optional(r, "bytes_out", JsonValueKind.Number) ?? NonNegativeInt(r, "bytes_out")
            ?? Optional(r, "user_agent", JsonValueKind.String)
            ?? Optional(r, "account", JsonValueKind.String) ?? Account(r)
            ?? Optional(r, "agency", JsonValueKind.String) ?? Agency(r)
            ?? Optional(r, "api", JsonValueKind.String)
            ?? Optional(r, "request_id", JsonValueKind.String);
    }

    public static string? CheckApp(string line)
    {
        JsonElement r;
        try
        {
            r = JsonDocument.Parse(line).RootElement;
        }
        catch (JsonException ex)
        {
            return "not JSON: " + ex.Message;
        }

        foreach (var p in r.EnumerateObject())
        {
            if (!AppFields.Contains(p.Name))
            {
                return "unknown field " + p.Name;
            }
        }

        var problem = Required(r, "ts", JsonValueKind.String) ?? Timestamp(r.GetProperty("ts").GetString()!)
            ?? Required(r, "event", JsonValueKind.String)
            ?? (AppEvents.Contains(r.GetProperty("event").GetString()!) ? null : "unknown event")
            ?? Required(r, "account", JsonValueKind.String) ?? Account(r)
            ?? Optional(r, "agency", JsonValueKind.String) ?? Agency(r)
            ?? Optional(r, "client_ip", JsonValueKind.String)
            ?? (r.TryGetProperty("client_ip", out var ip) ? Ip(ip.GetString()!) : null)
            ?? Optional(r, "session_id", JsonValueKind.String)
            ?? Optional(r, "request_id", JsonValueKind.String)
            ?? Optional(r, "purpose", JsonValueKind.String)
            ?? Optional(r, "result", JsonValueKind.String)
            ?? (r.TryGetProperty("result", out var res) && !Results.Contains(res.GetString()!) ? "bad result" : null)
            ?? Optional(r, "password_age_days", JsonValueKind.Number) ?? NonNegativeInt(r, "password_age_days");
        if (problem is not null)
        {
            return problem;
        }

        var kind = r.GetProperty("event").GetString();
        if (kind == "citizen_lookup")
        {
            return Required(r, "citizen_id", JsonValueKind.String) ?? CitizenId(r.GetProperty("citizen_id").GetString()!);
        }

        if (r.TryGetProperty("citizen_id", out _))
        {
            return "citizen_id outside a lookup";
        }

        if (r.TryGetProperty("default_password", out var dp))
        {
            if (kind != "login")
            {
                return "default_password outside a login";
            }

            if (dp.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "default_password is not a bool";
            }
        }

        return null;
    }

    public static string? CheckGatewayCombined(string line)
    {
        var m = CombinedPattern().Match(line);
        if (!m.Success)
        {
            return "does not match the combined format";
        }

        if (!DateTimeOffset.TryParseExact(m.Groups["time"].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out _))
        {
            return "bad $time_local";
        }

        var status = int.Parse(m.Groups["status"].Value, CultureInfo.InvariantCulture);
        return Ip(m.Groups["ip"].Value) ?? (status is >= 100 and <= 599 ? null : "bad status");
    }

    /// <summary>12 digits: a real province code, a sex/century digit 0-3, a birth year in the past.</summary>
    public static string? CitizenId(string id)
    {
        if (id.Length != 12 || !id.All(char.IsAsciiDigit))
        {
            return "citizen id is not 12 digits: " + id;
        }

        var province = int.Parse(id.AsSpan(0, 3), CultureInfo.InvariantCulture);
        if (!ProvinceCodes.Contains(province))
        {
            return "citizen id has unknown province code: " + id;
        }

        var century = id[3] - '0';
        if (century > 3)
        {
            return "citizen id has bad sex/century digit: " + id;
        }

        var year = (century >= 2 ? 2000 : 1900) + int.Parse(id.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return year <= 2024 ? null : "citizen id born in the future: " + id;
    }

    private static string? Required(JsonElement r, string name, JsonValueKind kind) =>
        !r.TryGetProperty(name, out var v) ? "missing " + name : v.ValueKind != kind ? name + " has type " + v.ValueKind : null;

    private static string? Optional(JsonElement r, string name, JsonValueKind kind) =>
        r.TryGetProperty(name, out var v) && v.ValueKind != kind ? name + " has type " + v.ValueKind : null;

    private static string? NonNegativeInt(JsonElement r, string name) =>
        r.TryGetProperty(name, out var v) && (!v.TryGetInt64(out var n) || n < 0) ? name + " is not a non-negative integer" : null;

    private static string? Timestamp(string text)
    {
        if (!Rfc3339Pattern().IsMatch(text))
        {
            return "ts is not RFC 3339 with offset: " + text;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "ts does not parse: " + text;
    }

    private static string? Ip(string text) =>
        IPAddress.TryParse(text, out var a) && a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && (a.AddressFamily != AddressFamily.InterNetwork || text.Count(c => c == '.') == 3)
            ? null
            : "bad IP " + text;

    private static string? Path(string path) => path.StartsWith('/') && !path.Contains('?', StringComparison.Ordinal) ? null : "bad path";

    private static string? Status(JsonElement v) => v.TryGetInt32(out var s) && s is >= 100 and <= 599 ? null : "bad status";

    private static string? Account(JsonElement r) =>
        r.TryGetProperty("account", out var a) && !AccountPattern().IsMatch(a.GetString()!) ? "bad account " + a.GetString() : null;

    private static string? Agency(JsonElement r) =>
        r.TryGetProperty("agency", out var a) && !AgencyPattern().IsMatch(a.GetString()!) ? "bad agency " + a.GetString() : null;
}
