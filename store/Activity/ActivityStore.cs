using System.Collections;
using System.Globalization;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Activity;

/// <summary>Entity activity over either transport; timelines read the per-minute rollups or the hourly entity table, never the raw events.</summary>
internal sealed class ActivityStore(IClickHouseTransport transport, string database) : IActivityStore
{
    public async Task<IReadOnlyList<ActivityPoint>> GetTimelineAsync(
        ActivityEntityKind kind, string entity, DateTimeOffset from, DateTimeOffset to, ActivityBucket bucket, CancellationToken cancellationToken = default)
    {
        var result = bucket == ActivityBucket.Minute
            ? await QueryMinutesAsync(kind, entity, from, to, cancellationToken).ConfigureAwait(false)
            : await QueryHoursAsync(kind, entity, from, to, bucket, cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new ActivityPoint((DateTime)r[0]!, U64(r[1]), U64(r[2]), U64(r[3]), U64(r[4])))];
    }

    public async Task<EntitySeen> GetSeenAsync(ActivityEntityKind kind, string entity, CancellationToken cancellationToken = default)
    {
        // One row per entity once merged; until then a few, which the aggregates fold together.
        var result = await transport.QueryAsync(
            $"SELECT count(), toDateTime(min(first_seen), 'UTC'), toDateTime(max(last_seen), 'UTC'), toUInt64(sum(requests)), toUInt64(sum(lookups)) " +
            $"FROM {database}.entity_seen WHERE {SeenKey(kind)}",
            new QueryParameters().Add("kind", KindName(kind)).Add("entity", entity),
            cancellationToken).ConfigureAwait(false);
        var r = result.Rows[0];
        return U64(r[0]) == 0
            ? new EntitySeen(null, null, 0, 0)
            : new EntitySeen((DateTime)r[1]!, (DateTime)r[2]!, U64(r[3]), U64(r[4]));
    }

    public async Task<RawEventPage> GetEventsAsync(RawEventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (gatewayWhere, appWhere) = query.EntityKind switch
        {
            "account" => ("account = {entity:String}", "account = {entity:String}"),
            "ip" => ("client_ip = toIPv6({entity:String})", "client_ip = toIPv6({entity:String})"),
            "agency" => ("agency = {entity:String}", "agency = {entity:String}"),
            "api" => ("api = {entity:String}", "0"),
            "gateway" => ("1", "1"),
            _ => throw new StoreException($"Entity kind '{query.EntityKind}' has no events; expected account, ip, agency, api or gateway."),
        };
        const string Window = "ts >= {from:DateTime64(3)} AND ts <= {to:DateTime64(3)}";
        const string Ip = "replaceRegexpOne(toString(client_ip), '^::ffff:', '')";
        var direction = query.Descending ? "DESC" : "ASC";
        var result = await transport.QueryAsync(
            $"""
            SELECT ts, tbl, k, account, agency, ip, action, outcome, ua, citizen_ref, citizen_province, count() OVER () AS total FROM (
                SELECT ts, 'gateway' AS tbl, hex(event_key) AS k, toString(account) AS account, toString(agency) AS agency, {Ip} AS ip,
                       concat(toString(method), ' ', toString(path)) AS action, toString(status) AS outcome, toString(user_agent) AS ua,
                       '' AS citizen_ref, '' AS citizen_province
                FROM {database}.gateway_events WHERE {gatewayWhere} AND {Window}
                UNION ALL
                SELECT ts, 'app' AS tbl, hex(event_key) AS k, toString(account) AS account, toString(agency) AS agency, {Ip} AS ip,
                       toString(event) AS action, toString(result) AS outcome, '' AS ua, citizen_ref, toString(citizen_province) AS citizen_province
                FROM {database}.app_events WHERE {appWhere} AND {Window}
            )
            ORDER BY ts {direction}, tbl, k LIMIT {"{limit:UInt32}"} OFFSET {"{offset:UInt32}"}
            """,
            new QueryParameters()
                .Add("entity", query.Entity).Add("from", query.From).Add("to", query.To)
                .Add("limit", Math.Clamp(query.Limit, 1, 10_000)).Add("offset", Math.Max(0, query.Offset)),
            cancellationToken).ConfigureAwait(false);
        var items = result.Rows.Select(r => new RawEvent(
            (DateTime)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!, (string)r[7]!, (string)r[8]!,
            (string)r[9]!, (string)r[10]!)).ToList();
        return new RawEventPage(items, items.Count > 0 ? Convert.ToInt64(result.Rows[0][11], CultureInfo.InvariantCulture) : 0);
    }

    public async Task<IReadOnlyList<RiskyEntity>> GetRiskiestAsync(DateTimeOffset from, DateTimeOffset to, int offset, int limit, CancellationToken cancellationToken = default)
    {
        // Alerts an analyst closed as not a threat no longer make their entity risky.
        var result = await transport.QueryAsync(
            $"""
            SELECT entity_kind, entity, any(agency), count(), max(score), sum(score), arraySort(groupUniqArray(toString(type)))
            FROM {database}.alerts FINAL
            WHERE last_seen >= {"{from:DateTime64(3)}"} AND first_seen <= {"{to:DateTime64(3)}"}
              AND id NOT IN (SELECT alert_id FROM {database}.alert_triage FINAL WHERE state = 'closed' AND disposition IN ('benign', 'false_positive', 'duplicate'))
            GROUP BY entity_kind, entity
            ORDER BY sum(score) DESC, max(score) DESC, entity
            LIMIT {"{limit:UInt32}"} OFFSET {"{offset:UInt32}"}
            """,
            new QueryParameters().Add("from", from).Add("to", to).Add("limit", Math.Clamp(limit, 1, 1000)).Add("offset", Math.Max(0, offset)),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new RiskyEntity(
            (string)r[0]!, (string)r[1]!, (string)r[2]!, U64(r[3]), Convert.ToByte(r[4], CultureInfo.InvariantCulture), U64(r[5]),
            [.. ((IEnumerable)r[6]!).Cast<object?>().Select(t => Convert.ToString(t, CultureInfo.InvariantCulture) ?? string.Empty)]))];
    }

    private Task<ResultSet> QueryMinutesAsync(ActivityEntityKind kind, string entity, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var (table, where) = Rollup(kind);
        return transport.QueryAsync(
            $"SELECT minute AS bucket, sum(requests), sum(lookups), sum(failed_logins), sum(client_errors) + sum(server_errors) " +
            $"FROM {database}.{table} WHERE {where} AND minute >= {{from:DateTime64(3)}} AND minute <= {{to:DateTime64(3)}} GROUP BY bucket ORDER BY bucket",
            new QueryParameters().Add("entity", entity).Add("from", from).Add("to", to),
            cancellationToken);
    }

    /// <summary>
    /// Hour and day buckets from the hourly table, whole: every bucket the window touches, with all of its activity,
    /// so the first and last bucket compare like for like with the same buckets of earlier days.
    /// </summary>
    private Task<ResultSet> QueryHoursAsync(
        ActivityEntityKind kind, string entity, DateTimeOffset from, DateTimeOffset to, ActivityBucket bucket, CancellationToken cancellationToken)
    {
        // Days are local (UTC+07:00) days, the analysts' days.
        var start = bucket == ActivityBucket.Hour ? "hour" : "toStartOfDay(hour + INTERVAL 7 HOUR) - INTERVAL 7 HOUR";
        var first = ActivityBuckets.Start(from.UtcDateTime, bucket);
        var end = ActivityBuckets.Start(to.UtcDateTime, bucket) + ActivityBuckets.Width(bucket);
        return transport.QueryAsync(
            $"SELECT toDateTime({start}, 'UTC') AS bucket, sum(requests), sum(lookups), sum(failed_logins), sum(client_errors) + sum(server_errors) " +
            $"FROM {database}.entity_activity_1h WHERE {SeenKey(kind)} AND hour >= {{from:DateTime64(3)}} AND hour < {{to:DateTime64(3)}} " +
            "GROUP BY bucket ORDER BY bucket",
            new QueryParameters().Add("kind", KindName(kind)).Add("entity", entity).Add("from", first).Add("to", end),
            cancellationToken);
    }

    /// <summary>The condition on <c>entity_seen</c> and <c>entity_activity_1h</c>, which keep addresses in their IPv6 text form.</summary>
    private static string SeenKey(ActivityEntityKind kind) => kind == ActivityEntityKind.Ip
        ? "kind = {kind:String} AND entity = IPv6NumToString(toIPv6({entity:String}))"
        : "kind = {kind:String} AND entity = {entity:String}";

    private static string KindName(ActivityEntityKind kind) => kind switch
    {
        ActivityEntityKind.Account => "account",
        ActivityEntityKind.Ip => "ip",
        _ => "agency",
    };

    private static (string Table, string Where) Rollup(ActivityEntityKind kind) => kind switch
    {
        ActivityEntityKind.Account => ("rollup_account_1m", "account = {entity:String}"),
        ActivityEntityKind.Ip => ("rollup_ip_1m", "client_ip = toIPv6({entity:String})"),
        _ => ("rollup_agency_1m", "agency = {entity:String}"),
    };

    private static ulong U64(object? value) => Convert.ToUInt64(value, CultureInfo.InvariantCulture);
}
