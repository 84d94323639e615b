namespace LogSentinel.Store.Schema;

/// <summary>
/// Per-minute rollups per account, source address and agency, filled by materialized views as events arrive.
/// Counts are SimpleAggregateFunction(sum); distinct counts keep uniq states so minutes merge into hours and days.
/// Each rollup has one view over gateway events and one over application events; a view fills only its own
/// columns and the others take their empty defaults.
/// </summary>
internal static class RollupTables
{
    public const string Account = """
        CREATE TABLE IF NOT EXISTS {db}.rollup_account_1m
        (
            minute DateTime('UTC'),
            account LowCardinality(String),
            agency LowCardinality(String),
            requests SimpleAggregateFunction(sum, UInt64),
            client_errors SimpleAggregateFunction(sum, UInt64),
            server_errors SimpleAggregateFunction(sum, UInt64),
            lookups SimpleAggregateFunction(sum, UInt64),
            failed_logins SimpleAggregateFunction(sum, UInt64),
            distinct_citizens AggregateFunction(uniq, String),
            distinct_ips AggregateFunction(uniq, IPv6)
        )
        ENGINE = AggregatingMergeTree
        PARTITION BY toDate(minute)
        ORDER BY (account, agency, minute)
        """;

    public const string AccountFromGateway = """
        CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.mv_rollup_account_gateway TO {db}.rollup_account_1m AS
        SELECT toStartOfMinute(ts) AS minute, account, agency,
               count() AS requests,
               countIf(status >= 400 AND status < 500) AS client_errors,
               countIf(status >= 500) AS server_errors,
               uniqState(client_ip) AS distinct_ips
        FROM {db}.gateway_events
        GROUP BY minute, account, agency
        """;

    public const string AccountFromApp = """
        CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.mv_rollup_account_app TO {db}.rollup_account_1m AS
        SELECT toStartOfMinute(ts) AS minute, account, agency,
               countIf(event = 'citizen_lookup') AS lookups,
               countIf(event = 'login_failed') AS failed_logins,
               uniqStateIf(citizen_ref, citizen_ref != '') AS distinct_citizens
        FROM {db}.app_events
        GROUP BY minute, account, agency
        """;

    public const string Ip = """
        CREATE TABLE IF NOT EXISTS {db}.rollup_ip_1m
        (
            minute DateTime('UTC'),
            client_ip IPv6,
            requests SimpleAggregateFunction(sum, UInt64),
            client_errors SimpleAggregateFunction(sum, UInt64),
            server_errors SimpleAggregateFunction(sum, UInt64),
            lookups SimpleAggregateFunction(sum, UInt64),
            failed_logins SimpleAggregateFunction(sum, UInt64),
            distinct_citizens AggregateFunction(uniq, String),
            distinct_accounts AggregateFunction(uniq, String)
        )
        ENGINE = AggregatingMergeTree
        PARTITION BY toDate(minute)
        ORDER BY (client_ip, minute)
        """;

    public const string IpFromGateway = """
        CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.mv_rollup_ip_gateway TO {db}.rollup_ip_1m AS
        SELECT toStartOfMinute(ts) AS minute, client_ip,
               count() AS requests,
               countIf(status >= 400 AND status < 500) AS client_errors,
               countIf(status >= 500) AS server_errors,
               uniqStateIf(toString(account), account != '') AS distinct_accounts
        FROM {db}.gateway_events
        GROUP BY minute, client_ip
        """;

    public const string IpFromApp = """
        CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.mv_rollup_ip_app TO {db}.rollup_ip_1m AS
        SELECT toStartOfMinute(ts) AS minute, client_ip,
               countIf(event = 'citizen_lookup') AS lookups,
               countIf(event = 'login_failed') AS failed_logins,
               uniqStateIf(citizen_ref, citizen_ref != '') AS distinct_citizens
        FROM {db}.app_events
        WHERE client_ip != toIPv6('::')
        GROUP BY minute, client_ip
        """;

    public const string Agency = """
        CREATE TABLE IF NOT EXISTS {db}.rollup_agency_1m
        (
            minute DateTime('UTC'),
            agency LowCardinality(String),
            requests SimpleAggregateFunction(sum, UInt64),
            client_errors SimpleAggregateFunction(sum, UInt64),
            server_errors SimpleAggregateFunction(sum, UInt64),
            lookups SimpleAggregateFunction(sum, UInt64),
            failed_logins SimpleAggregateFunction(sum, UInt64),
            distinct_citizens AggregateFunction(uniq, String),
            distinct_accounts AggregateFunction(uniq, String),
            distinct_ips AggregateFunction(uniq, IPv6)
        )
        ENGINE = AggregatingMergeTree
        PARTITION BY toDate(minute)
        ORDER BY (agency, minute)
        """;

    public const string AgencyFromGateway = """
        CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.mv_rollup_agency_gateway TO {db}.rollup_agency_1m AS
        SELECT toStartOfMinute(ts) AS minute, agency,
               count() AS requests,
               countIf(status >= 400 AND status < 500) AS client_errors,
               countIf(status >= 500) AS server_errors,
               uniqStateIf(toString(account), account != '') AS distinct_accounts,
               uniqState(client_ip) AS distinct_ips
        FROM {db}.gateway_events
        GROUP BY minute, agency
        """;

    public const string AgencyFromApp = """
        CREATE MATERIALIZED VIEW IF NOT EXISTS {db}.mv_rollup_agency_app TO {db}.rollup_agency_1m AS
        SELECT toStartOfMinute(ts) AS minute, agency,
               countIf(event = 'citizen_lookup') AS lookups,
               countIf(event = 'login_failed') AS failed_logins,
               uniqStateIf(citizen_ref, citizen_ref != '') AS distinct_citizens
        FROM {db}.app_events
        GROUP BY minute, agency
        """;
}
