using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace LogSentinel.Tests.Ingest;

/// <summary>A gateway access as the formats describe it, before it is written as a line.</summary>
internal sealed record GatewayRecord(
    long TimestampMs, int OffsetMinutes, IPAddress Ip, string Method, string Path, int Status, int? LatencyMs, long? BytesOut,
    string? UserAgent, string? Account, string? Agency, string? Api, string? RequestId, bool RelaxedEscaping);

/// <summary>An application event as the format describes it, before it is written as a line.</summary>
internal sealed record AppRecord(
    long TimestampMs, int OffsetMinutes, string Event, string Account, string? Agency, IPAddress? Ip, string? SessionId,
    string? RequestId, string? CitizenId, string? Purpose, string? Result, bool? DefaultPassword, int? PasswordAgeDays);

/// <summary>FsCheck generators of valid records and their formatting as each line format.</summary>
internal static class LogRecordGenerators
{
    private static readonly long Start = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static Gen<string> Token(string alphabet, int min, int max) =>
        Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(a => new string(a));

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : class =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    private static Gen<int?> OptionalInt(int min, int max) =>
        Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(min, max).Select(v => (int?)v));

    private static Gen<long> Timestamp =>
        from day in Gen.Choose(0, 3650)
        from ms in Gen.Choose(0, 86_399_999)
        select Start + (day * 86_400_000L) + ms;

    private static Gen<int> Offset => Gen.Elements(0, 420, -300, 330, 345, -570, 60);

    private static Gen<IPAddress> Ip =>
        Gen.OneOf(
            Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), 4).Select(b => new IPAddress(b)),
            Gen.ArrayOf(Gen.Elements<byte>(0, 0, 1, 0x20, 0x0d, 0xb8, 0xff, 0xfe, 0x80), 16).Select(b => new IPAddress(b)));

    private static Gen<string> UserAgentText =>
        Gen.Choose(1, 20).SelectMany(n => Gen.ArrayOf(Gen.Elements("a", "Z", "0", "9", " ", "(", ")", "/", ";", ".", "\"", "\\", "ệ", "đ", "中", "😀", "\t"), n))
            .Select(parts => string.Concat(parts));

    public static Arbitrary<GatewayRecord> Gateway =>
        (from ts in Timestamp
         from offset in Offset
         from ip in Ip
         from method in Gen.Elements("GET", "POST", "PUT", "DELETE", "PATCH")
         from path in Token("abcdefghijklmnopqrstuvwxyz-/.", 0, 40).Select(p => "/" + p)
         from status in Gen.Choose(100, 599)
         from latency in OptionalInt(0, 600_000)
         from bytesOut in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(0, int.MaxValue).Select(v => (long?)v))
         from userAgent in Optional(UserAgentText)
         from account in Optional(Token("abcdefghijklmnopqrstuvwxyz0123456789._", 1, 30))
         from agency in Optional(Token("ABCDEFGHIJKLMNOPQRSTUVWXYZ-", 1, 20))
         from api in Optional(Token("abcdefghijklmnopqrstuvwxyz.-", 1, 30))
         from requestId in Optional(Token("0123456789abcdef", 6, 16))
         from relaxed in ArbMap.Default.GeneratorFor<bool>()
         select new GatewayRecord(ts, offset, ip, method, path, status, latency, bytesOut, userAgent, account, agency, api, requestId, relaxed))
        .ToArbitrary();

    public static Arbitrary<AppRecord> App =>
        (from ts in Timestamp
         from offset in Offset
         from evt in Gen.Elements("citizen_lookup", "citizen_lookup", "login", "login_failed", "logout", "password_change", "export")
         from account in Token("abcdefghijklmnopqrstuvwxyz0123456789.", 1, 30)
         from agency in Optional(Token("ABCDEFGHIJKLMNOPQRSTUVWXYZ-", 1, 20))
         from ip in Gen.OneOf(Gen.Constant<IPAddress?>(null), Ip.Select(i => (IPAddress?)i))
         from session in Optional(Token("s-0123456789abcdef", 1, 12))
         from requestId in Optional(Token("0123456789abcdef", 6, 16))
         from citizenId in Token("0123456789", 12, 12)
         from purpose in Optional(Token("0123456789.", 1, 10))
         from result in Optional(Gen.Elements("found", "not_found", "denied", "error"))
         from defaultPassword in Gen.Elements<bool?>(null, true, false)
         from age in OptionalInt(0, 5000)
         select new AppRecord(ts, offset, evt, account, agency, ip, session, requestId,
             evt == "citizen_lookup" ? citizenId : null, purpose, result, defaultPassword, age))
        .ToArbitrary();

    public static UInt128 Mapped(IPAddress ip)
    {
        var v6 = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? ip.MapToIPv6() : ip;
        return BinaryPrimitives.ReadUInt128BigEndian(v6.GetAddressBytes());
    }

    private static string Rfc3339(long unixMs, int offsetMinutes) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).ToOffset(TimeSpan.FromMinutes(offsetMinutes))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    public static string ToGatewayJson(GatewayRecord r)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = r.RelaxedEscaping ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default };
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("ts", Rfc3339(r.TimestampMs, r.OffsetMinutes));
            w.WriteString("client_ip", r.Ip.ToString());
            w.WriteString("method", r.Method);
            w.WriteString("path", r.Path);
            w.WriteNumber("status", r.Status);
            if (r.LatencyMs is { } latency)
            {
                w.WriteNumber("latency_ms", latency);
            }

            if (r.BytesOut is { } bytesOut)
            {
                w.WriteNumber("bytes_out", bytesOut);
            }

            WriteOptional(w, "user_agent", r.UserAgent);
            WriteOptional(w, "account", r.Account);
            WriteOptional(w, "agency", r.Agency);
            WriteOptional(w, "api", r.Api);
            WriteOptional(w, "request_id", r.RequestId);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToCombined(GatewayRecord r)
    {
        var t = DateTimeOffset.FromUnixTimeMilliseconds(r.TimestampMs).ToOffset(TimeSpan.FromMinutes(r.OffsetMinutes));
        var offset = t.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
        var line = new StringBuilder()
            .Append(r.Ip).Append(" - ").Append(r.Account ?? "-")
            .Append(" [").Append(t.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)).Append(' ').Append(offset).Append("] \"")
            .Append(r.Method).Append(' ').Append(r.Path).Append(" HTTP/1.1\" ")
            .Append(r.Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(r.BytesOut?.ToString(CultureInfo.InvariantCulture) ?? "-")
            .Append(" \"-\" \"").Append(r.UserAgent is null ? "-" : NginxEscape(r.UserAgent)).Append('"');
        if (r.LatencyMs is not null || r.RequestId is not null)
        {
            line.Append(' ').Append(r.LatencyMs is { } ms ? (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture) : "-")
                .Append(" \"").Append(r.RequestId ?? "-").Append('"');
        }

        return line.ToString();
    }

    public static string ToAppJson(AppRecord r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("ts", Rfc3339(r.TimestampMs, r.OffsetMinutes));
            w.WriteString("event", r.Event);
            w.WriteString("account", r.Account);
            WriteOptional(w, "agency", r.Agency);
            WriteOptional(w, "client_ip", r.Ip?.ToString());
            WriteOptional(w, "session_id", r.SessionId);
            WriteOptional(w, "request_id", r.RequestId);
            WriteOptional(w, "citizen_id", r.CitizenId);
            WriteOptional(w, "purpose", r.Purpose);
            WriteOptional(w, "result", r.Result);
            if (r.DefaultPassword is { } defaultPassword)
            {
                w.WriteBoolean("default_password", defaultPassword);
            }

            if (r.PasswordAgeDays is { } age)
            {
                w.WriteNumber("password_age_days", age);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>NGINX's default escaping of variables in access logs: <c>"</c>, <c>\</c>, controls and non-ASCII as <c>\xHH</c>.</summary>
    private static string NginxEscape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (byte)'"' or (byte)'\\' or < 0x20 or >= 0x7f)
            {
                sb.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.ToString();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
