using System.Net;
using LogSentinel.Store.RowBinary;

namespace LogSentinel.Store.Events;

/// <summary>A <see cref="GatewayEventBatch"/> as rows of the <c>gateway_events</c> table.</summary>
internal sealed class GatewayEventRows(string table, GatewayEventBatch batch) : IRowSource
{
    private static readonly string[] ColumnNames =
    [
        "ts", "event_key", "source", "client_ip", "method", "path", "status", "latency_ms", "bytes_out",
        "user_agent", "account", "agency", "api", "request_id", "extra",
    ];

    public string Table => table;

    public IReadOnlyList<string> Columns => ColumnNames;

    public int Count => batch.Count;

    public void WriteRowBinary(RowBinaryWriter writer)
    {
        var ts = batch.TimestampMs;
        var keys = batch.EventKey;
        var ips = batch.ClientIp;
        var status = batch.Status;
        var latency = batch.LatencyMs;
        var bytesOut = batch.BytesOut;
        for (var i = 0; i < ts.Length; i++)
        {
            writer.WriteDateTime64Ms(ts[i]);
            writer.WriteUInt64(keys[i]);
            writer.WriteString(batch.Source[i]);
            writer.WriteIPv6(ips[i]);
            writer.WriteString(batch.Method[i]);
            writer.WriteString(batch.Path[i]);
            writer.WriteUInt16(status[i]);
            writer.WriteFloat32(latency[i]);
            writer.WriteUInt64(bytesOut[i]);
            writer.WriteString(batch.UserAgent[i]);
            writer.WriteString(batch.Account[i]);
            writer.WriteString(batch.Agency[i]);
            writer.WriteString(batch.Api[i]);
            writer.WriteString(batch.RequestId[i]);
            writer.WriteString(batch.Extra[i]);
        }
    }

    public bool WritesNative => true;

    public void WriteNative(NativeBlockWriter writer)
    {
        writer.BeginBlock(ColumnNames.Length, batch.Count);
        writer.FixedColumn("ts", "DateTime64(3, 'UTC')", batch.TimestampMs);
        writer.FixedColumn("event_key", "UInt64", batch.EventKey);
        writer.StringColumn("source", batch.Source);
        writer.IPv6Column("client_ip", batch.ClientIp);
        writer.StringColumn("method", batch.Method);
        writer.StringColumn("path", batch.Path);
        writer.FixedColumn("status", "UInt16", batch.Status);
        writer.FixedColumn("latency_ms", "Float32", batch.LatencyMs);
        writer.FixedColumn("bytes_out", "UInt64", batch.BytesOut);
        writer.StringColumn("user_agent", batch.UserAgent);
        writer.StringColumn("account", batch.Account);
        writer.StringColumn("agency", batch.Agency);
        writer.StringColumn("api", batch.Api);
        writer.StringColumn("request_id", batch.RequestId);
        writer.StringColumn("extra", batch.Extra);
    }

    public IEnumerable<object?[]> ToValues()
    {
        for (var i = 0; i < batch.Count; i++)
        {
            yield return
            [
                DateTime.UnixEpoch.AddMilliseconds(batch.TimestampMs[i]),
                batch.EventKey[i],
                batch.Source.GetString(i),
                IpAddresses.ToIPAddress(batch.ClientIp[i]),
                batch.Method.GetString(i),
                batch.Path.GetString(i),
                batch.Status[i],
                batch.LatencyMs[i],
                batch.BytesOut[i],
                batch.UserAgent.GetString(i),
                batch.Account.GetString(i),
                batch.Agency.GetString(i),
                batch.Api.GetString(i),
                batch.RequestId.GetString(i),
                batch.Extra.GetString(i),
            ];
        }
    }
}
