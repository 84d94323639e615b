namespace LogSentinel.Store.Schema;

/// <summary>
/// What the entity pages read on every request, kept small enough to read by entity: when each account, source
/// address and agency was first and last active with its totals (<c>entity_seen</c>, one row per entity once
/// merged), and its activity per hour (<c>entity_activity_1h</c>, monthly partitions, so a two-week window opens
/// one or two partitions instead of fifteen daily ones of the per-minute rollups).
/// <para>
/// The views are chained on the per-minute rollups, not on the events: an insert block reaches them already
/// grouped by minute, so they add little to ingest. Addresses are kept in their IPv6 text form
/// (<c>::ffff:10.1.2.3</c>), the form <c>IPv6NumToString(toIPv6(...))</c> gives for any spelling a reader passes.
/// </para>
/// <para>
/// The backfills copy what the rollups held before the views existed. Unlike the other statements they are not
/// idempotent, so each runs only while migration 11 is not yet recorded: the store's migrator records it right
/// after, and the <c>store ddl</c> script can be applied again without counting anything twice.
/// </para>
/// </summary>
internal static class EntityActivityTables
{
    public const string Seen = """
        CREATE TABLE IF NOT EXISTS {db}.entity_seen
        (
            kind LowCardinality(String),
            entity String,
            first_seen SimpleAggregateFunction(min, DateTime('UTC')),
            last_seen SimpleAggregateFunction(max, DateTime('UTC')),
            requests SimpleAggregateFunction(sum, UInt64),
            lookups SimpleAggregateFunction(sum, UInt64)
        )
        ENGINE = AggregatingMergeTree
        ORDER BY (kind, entity)
        """;

    public const string Hourly = """
        CREATE TABLE IF NOT EXISTS {db}.entity_activity_1h
        (
            kind LowCardinality(String),
            entity String,
            hour DateTime('UTC'),
            requests SimpleAggregateFunction(sum, UInt64),
            client_errors SimpleAggregateFunction(sum, UInt64),
            server_errors SimpleAggregateFunction(sum, UInt64),
            lookups SimpleAggregateFunction(sum, UInt64),
            failed_logins SimpleAggregateFunction(sum, UInt64)
        )
        ENGINE = AggregatingMergeTree
        PARTITION BY toYYYYMM(hour)
        ORDER BY (kind, entity, hour)
        """;

    public const string SeenFromAccounts =
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.mv_entity_seen_account TO {{db}}.entity_seen AS\n{SeenAccount}\n{BySeen}";

    public const string SeenFromIps =
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.mv_entity_seen_ip TO {{db}}.entity_seen AS\n{SeenIp}\n{BySeen}";

    public const string SeenFromAgencies =
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.mv_entity_seen_agency TO {{db}}.entity_seen AS\n{SeenAgency}\n{BySeen}";

    public const string HourlyFromAccounts =
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.mv_entity_activity_1h_account TO {{db}}.entity_activity_1h AS\n{HourlyAccount}\n{ByHour}";

    public const string HourlyFromIps =
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.mv_entity_activity_1h_ip TO {{db}}.entity_activity_1h AS\n{HourlyIp}\n{ByHour}";

    public const string HourlyFromAgencies =
        $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.mv_entity_activity_1h_agency TO {{db}}.entity_activity_1h AS\n{HourlyAgency}\n{ByHour}";

    public const string BackfillSeenAccounts = $"INSERT INTO {{db}}.entity_seen\n{SeenAccount}\n{Unrecorded}\n{BySeen}";

    public const string BackfillSeenIps = $"INSERT INTO {{db}}.entity_seen\n{SeenIp}\n{Unrecorded}\n{BySeen}";

    public const string BackfillSeenAgencies = $"INSERT INTO {{db}}.entity_seen\n{SeenAgency}\n{Unrecorded}\n{BySeen}";

    public const string BackfillHourlyAccounts = $"INSERT INTO {{db}}.entity_activity_1h\n{HourlyAccount}\n{Unrecorded}\n{ByHour}";

    public const string BackfillHourlyIps = $"INSERT INTO {{db}}.entity_activity_1h\n{HourlyIp}\n{Unrecorded}\n{ByHour}";

    public const string BackfillHourlyAgencies = $"INSERT INTO {{db}}.entity_activity_1h\n{HourlyAgency}\n{Unrecorded}\n{ByHour}";

    private const string SeenColumns =
        "min(minute) AS first_seen, max(minute) AS last_seen, sum(requests) AS requests, sum(lookups) AS lookups";

    private const string HourlyColumns =
        "sum(requests) AS requests, sum(client_errors) AS client_errors, sum(server_errors) AS server_errors, " +
        "sum(lookups) AS lookups, sum(failed_logins) AS failed_logins";

    private const string Account = "'account' AS kind, toString(account) AS entity";

    private const string Ip = "'ip' AS kind, IPv6NumToString(client_ip) AS entity";

    private const string Agency = "'agency' AS kind, toString(agency) AS entity";

    private const string Hour = "toStartOfHour(minute) AS hour";

    private const string SeenAccount = $"SELECT {Account}, {SeenColumns}\nFROM {{db}}.rollup_account_1m";

    private const string SeenIp = $"SELECT {Ip}, {SeenColumns}\nFROM {{db}}.rollup_ip_1m";

    private const string SeenAgency = $"SELECT {Agency}, {SeenColumns}\nFROM {{db}}.rollup_agency_1m";

    private const string HourlyAccount = $"SELECT {Account}, {Hour}, {HourlyColumns}\nFROM {{db}}.rollup_account_1m";

    private const string HourlyIp = $"SELECT {Ip}, {Hour}, {HourlyColumns}\nFROM {{db}}.rollup_ip_1m";

    private const string HourlyAgency = $"SELECT {Agency}, {Hour}, {HourlyColumns}\nFROM {{db}}.rollup_agency_1m";

    private const string BySeen = "GROUP BY kind, entity";

    private const string ByHour = "GROUP BY kind, entity, hour";

    /// <summary>A backfill's condition: it copies rows only while migration 11 is not yet recorded (a constant, so otherwise nothing is read).</summary>
    private const string Unrecorded = "WHERE (SELECT count() FROM {db}.schema_migrations WHERE version = 11) = 0";
}
