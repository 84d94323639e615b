using System.Globalization;
using System.Net;
using System.Text;
using LogSentinel.Store.Events;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.StoredEvents;

/// <summary>
/// <see cref="IStoredEventReader"/> over either transport. A slice is read whole and sorted by the engine; callers
/// choose slices small enough to hold (an hour of a province is tens of thousands of rows).
/// </summary>
internal sealed class StoredEventReader(IClickHouseTransport transport, string database) : IStoredEventReader
{
    public async Task<(long FirstMs, long LastMs)?> GetEventTimeRangeAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT min(ms), max(ms), count() FROM (SELECT toUnixTimestamp64Milli(ts) AS ms FROM {database}.gateway_events UNION ALL SELECT toUnixTimestamp64Milli(ts) AS ms FROM {database}.app_events)",
            null,
            cancellationToken).ConfigureAwait(false);
        var row = result.Rows[0];
        return Convert.ToUInt64(row[2], CultureInfo.InvariantCulture) == 0
            ? null
            : (Convert.ToInt64(row[0], CultureInfo.InvariantCulture), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
    }

    public async Task<int> ReadGatewayAsync(long fromMs, long toMs, GatewayEventBatch into, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(into);
        var result = await transport.QueryAsync(
            $"SELECT toUnixTimestamp64Milli(ts), event_key, client_ip, status, latency_ms, user_agent, account, agency, api FROM {database}.gateway_events " +
            "WHERE ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC') ORDER BY ts, event_key",
            new QueryParameters().Add("from", fromMs).Add("to", toMs),
            cancellationToken).ConfigureAwait(false);
        foreach (var r in result.Rows)
        {
            into.Add(new GatewayEventFields
            {
                TimestampMs = (long)r[0]!,
                EventKey = (ulong)r[1]!,
                ClientIp = IpAddresses.FromIPAddress((IPAddress)r[2]!),
                Status = (ushort)r[3]!,
                LatencyMs = (float)r[4]!,
                UserAgent = Utf8((string)r[5]!),
                Account = Utf8((string)r[6]!),
                Agency = Utf8((string)r[7]!),
                Api = Utf8((string)r[8]!),
            });
        }

        return result.Rows.Count;
    }

    public async Task<int> ReadAppAsync(long fromMs, long toMs, AppEventBatch into, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(into);
        var result = await transport.QueryAsync(
            "SELECT toUnixTimestamp64Milli(ts), event_key, client_ip, event, account, agency, session_id, citizen_ref, " +
            "isNotNull(id_delta), ifNull(id_delta, 0), toInt8(ifNull(toInt8(default_password), -1)), ifNull(password_age_days, -1) " +
            $"FROM {database}.app_events " +
            "WHERE ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC') ORDER BY ts, event_key",
            new QueryParameters().Add("from", fromMs).Add("to", toMs),
            cancellationToken).ConfigureAwait(false);
        foreach (var r in result.Rows)
        {
            into.Add(new AppEventFields
            {
                TimestampMs = (long)r[0]!,
                EventKey = (ulong)r[1]!,
                ClientIp = IpAddresses.FromIPAddress((IPAddress)r[2]!),
                Event = Utf8((string)r[3]!),
                Account = Utf8((string)r[4]!),
                Agency = Utf8((string)r[5]!),
                SessionId = Utf8((string)r[6]!),
                CitizenRef = Utf8((string)r[7]!),
                HasIdDelta = Convert.ToBoolean(r[8], CultureInfo.InvariantCulture),
                IdDelta = (long)r[9]!,
                DefaultPassword = (sbyte)r[10]!,
                PasswordAgeDays = (int)r[11]!,
            });
        }

        return result.Rows.Count;
    }

    private static byte[] Utf8(string value) => value.Length == 0 ? [] : Encoding.UTF8.GetBytes(value);
}
