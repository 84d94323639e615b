using System.Net;
using System.Text;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Events;

/// <summary>Synthetic gateway events that exercise every column type, and the comparison of what came back.</summary>
internal static class RoundTripSample
{
    private static readonly string[] Accounts = ["tp.vpdk.nguyenvana", "hcm.thue.tranthib", "hn.mc.lêvăn_c", ""];

    public static GatewayEventBatch Create(int rows)
    {
        var batch = new GatewayEventBatch(rows);
        var start = new DateTimeOffset(2024, 1, 15, 2, 12, 33, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (var i = 0; i < rows; i++)
        {
            var ip = i % 2 == 0
                ? IpAddresses.FromIPAddress(new IPAddress([10, 52, (byte)(i >> 8), (byte)i]))
                : IpAddresses.FromIPAddress(IPAddress.Parse($"2001:db8::{i:x}"));
            var fields = new GatewayEventFields
            {
                TimestampMs = start + (i * 1_001L),
                EventKey = (ulong)i,
                ClientIp = ip,
                Status = (ushort)(i % 7 == 0 ? 503 : 200),
                LatencyMs = 84.5f,
                BytesOut = 1834,
                Source = "store-check"u8,
                Method = "POST"u8,
                Path = "/api/dancu/v1/tra-cuu"u8,
                UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"u8,
                Account = Encoding.UTF8.GetBytes(Accounts[i % Accounts.Length]),
                Agency = "BTH-VPDK-TUYPHONG"u8,
                Api = "dancu.tra-cuu-cong-dan"u8,
                RequestId = Encoding.UTF8.GetBytes($"rt-{i}"),
                Extra = ""u8,
            };
            batch.Add(fields);
        }

        return batch;
    }

    /// <summary>Rows of <paramref name="back"/> (ts, event_key, client_ip, status, account, request_id ordered by event_key) equal to the batch.</summary>
    public static int CountMatching(GatewayEventBatch batch, ResultSet back)
    {
        var matching = 0;
        for (var i = 0; i < back.Rows.Count && i < batch.Count; i++)
        {
            var row = back.Rows[i];
            var same =
                row[0] is DateTime ts && new DateTimeOffset(DateTime.SpecifyKind(ts, DateTimeKind.Utc)).ToUnixTimeMilliseconds() == batch.TimestampMs[i]
                && Convert.ToUInt64(row[1], System.Globalization.CultureInfo.InvariantCulture) == batch.EventKey[i]
                && row[2] is IPAddress ip && IpAddresses.FromIPAddress(ip) == batch.ClientIp[i]
                && Convert.ToUInt16(row[3], System.Globalization.CultureInfo.InvariantCulture) == batch.Status[i]
                && (string?)row[4] == batch.Account.GetString(i)
                && (string?)row[5] == batch.RequestId.GetString(i);
            if (same)
            {
                matching++;
            }
        }

        return matching;
    }
}
