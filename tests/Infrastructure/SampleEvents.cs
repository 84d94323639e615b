using System.Net;
using System.Text;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>Event batches with known values for store tests.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset Start = new(2024, 1, 15, 9, 12, 33, 123, TimeSpan.FromHours(7));

    public static GatewayEventBatch Gateway(int rows, int accounts = 10)
    {
        var batch = new GatewayEventBatch(Math.Max(rows, 1));
        for (var i = 0; i < rows; i++)
        {
            batch.Add(new GatewayEventFields
            {
                TimestampMs = Start.ToUnixTimeMilliseconds() + (i * 250L),
                EventKey = (ulong)(i + 1),
                ClientIp = IpAddresses.FromIPAddress(new IPAddress([10, 52, 4, (byte)(1 + (i % 200))])),
                Status = (ushort)(i % 10 == 9 ? 503 : 200),
                LatencyMs = 84 + (i % 7),
                BytesOut = 1834,
                Source = "test"u8,
                Method = "POST"u8,
                Path = "/api/dancu/v1/tra-cuu"u8,
                UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"u8,
                Account = Encoding.UTF8.GetBytes($"tp.vpdk.user{i % accounts}"),
                Agency = "BTH-VPDK-TUYPHONG"u8,
                Api = "dancu.tra-cuu-cong-dan"u8,
                RequestId = Encoding.UTF8.GetBytes($"req-{i}"),
                Extra = ""u8,
            });
        }

        return batch;
    }

    public static AppEventBatch Lookups(int rows, int accounts = 10, int citizens = 50)
    {
        var batch = new AppEventBatch(Math.Max(rows, 1));
        for (var i = 0; i < rows; i++)
        {
            batch.Add(new AppEventFields
            {
                TimestampMs = Start.ToUnixTimeMilliseconds() + (i * 250L) + 78,
                EventKey = (ulong)(i + 1),
                ClientIp = IpAddresses.FromIPAddress(new IPAddress([10, 52, 4, (byte)(1 + (i % 200))])),
                Source = "test"u8,
                Event = "citizen_lookup"u8,
                Account = Encoding.UTF8.GetBytes($"tp.vpdk.user{i % accounts}"),
                Agency = "BTH-VPDK-TUYPHONG"u8,
                SessionId = "s-9a1"u8,
                RequestId = Encoding.UTF8.GetBytes($"req-{i}"),
                CitizenRef = Encoding.UTF8.GetBytes($"ref{i % citizens:x17}"),
                CitizenProvince = "052"u8,
                IdDelta = i % 3 == 0 ? 1 : 0,
                HasIdDelta = i % 3 == 0,
                Purpose = "1.004227"u8,
                Result = "found"u8,
                DefaultPassword = -1,
                PasswordAgeDays = -1,
                Extra = ""u8,
            });
        }

        return batch;
    }
}
