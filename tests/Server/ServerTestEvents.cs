using System.Net;
using System.Text;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Server;

/// <summary>Event batches whose every value is derived from the row number, so a read-back can be checked field by field.</summary>
internal static class ServerTestEvents
{
    public static readonly DateTimeOffset Start = new(2024, 3, 4, 8, 15, 0, 250, TimeSpan.FromHours(7));

    private static readonly string[] Accounts = ["tp.vpdk.nguyenvana", "hn.mc.lêvăn_c", "hcm.thue.trần'thị\\b", ""];

    public static GatewayEventBatch Gateway(int rows)
    {
        var batch = new GatewayEventBatch(Math.Max(rows, 1));
        for (var i = 0; i < rows; i++)
        {
            batch.Add(new GatewayEventFields
            {
                TimestampMs = Start.ToUnixTimeMilliseconds() + (i * 37L),
                EventKey = (ulong)(i + 1),
                ClientIp = IpAddresses.FromIPAddress(Address(i)),
                Status = (ushort)(i % 13 == 0 ? 503 : 200),
                LatencyMs = 12.5f + (i % 100),
                BytesOut = (ulong)(1000 + i),
                Source = "gateway"u8,
                Method = i % 2 == 0 ? "POST"u8 : "GET"u8,
                Path = "/api/dancu/v1/tra-cuu"u8,
                UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"u8,
                Account = Encoding.UTF8.GetBytes(Accounts[i % Accounts.Length]),
                Agency = "BTH-VPDK-TUYPHONG"u8,
                Api = "dancu.tra-cuu-cong-dan"u8,
                RequestId = Encoding.UTF8.GetBytes($"req-{i}"),
                Extra = i % 5 == 0 ? Encoding.UTF8.GetBytes($"{{\"n\":{i}}}") : ""u8,
            });
        }

        return batch;
    }

    public static AppEventBatch App(int rows)
    {
        var batch = new AppEventBatch(Math.Max(rows, 1));
        for (var i = 0; i < rows; i++)
        {
            batch.Add(new AppEventFields
            {
                TimestampMs = Start.ToUnixTimeMilliseconds() + (i * 41L),
                EventKey = (ulong)(i + 1),
                ClientIp = IpAddresses.FromIPAddress(Address(i)),
                Source = "app"u8,
                Event = i % 4 == 0 ? "login"u8 : "citizen_lookup"u8,
                Account = Encoding.UTF8.GetBytes(Accounts[i % Accounts.Length]),
                Agency = "BTH-VPDK-TUYPHONG"u8,
                SessionId = Encoding.UTF8.GetBytes($"s-{i % 97}"),
                RequestId = Encoding.UTF8.GetBytes($"req-{i}"),
                CitizenRef = Encoding.UTF8.GetBytes($"ref{i % 1000:x17}"),
                CitizenProvince = "052"u8,
                IdDelta = -i,
                HasIdDelta = i % 3 == 0,
                Purpose = "1.004227"u8,
                Result = "found"u8,
                DefaultPassword = (sbyte)(i % 4 == 0 ? i % 8 == 0 ? 1 : 0 : -1),
                PasswordAgeDays = i % 4 == 0 ? i % 400 : -1,
                Extra = ""u8,
            });
        }

        return batch;
    }

    public static IPAddress Address(int i) => i % 2 == 0
        ? new IPAddress([10, 52, (byte)(i >> 8), (byte)i]).MapToIPv6()
        : IPAddress.Parse($"2001:db8::{i:x}");

    public static string Account(int i) => Accounts[i % Accounts.Length];
}
