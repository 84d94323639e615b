namespace LogSentinel.Store.Schema;

/// <summary>
/// Raw events. Partitioned by day so retention drops whole parts; ordered by account then time, the scan most
/// detectors and the console make; a bloom filter on the source address serves per-address scans.
/// Citizen ids exist here only as keyed pseudonyms (<c>citizen_ref</c>). A dead letter keeps its line twice:
/// <c>raw</c> with every citizen id masked, for people to read, and <c>sealed</c>, the original line encrypted
/// with a key only the ingest process holds, so a re-drive after a fix can parse it again.
/// </summary>
internal static class EventTables
{
    public const string GatewayEvents = """
        CREATE TABLE IF NOT EXISTS {db}.gateway_events
        (
            ts DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
            event_key UInt64,
            source LowCardinality(String),
            client_ip IPv6,
            method LowCardinality(String),
            path LowCardinality(String),
            status UInt16,
            latency_ms Float32,
            bytes_out UInt64,
            user_agent LowCardinality(String),
            account LowCardinality(String),
            agency LowCardinality(String),
            api LowCardinality(String),
            request_id String,
            extra String CODEC(ZSTD(3)),
            ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
            INDEX idx_client_ip client_ip TYPE bloom_filter GRANULARITY 4,
            INDEX idx_request_id request_id TYPE bloom_filter GRANULARITY 4,
            INDEX idx_event_key event_key TYPE bloom_filter GRANULARITY 4
        )
        ENGINE = MergeTree
        PARTITION BY toDate(ts)
        ORDER BY (account, ts)
        TTL toDateTime(ingested_at) + INTERVAL {retention_days} DAY
        """;

    public const string AppEvents = """
        CREATE TABLE IF NOT EXISTS {db}.app_events
        (
            ts DateTime64(3, 'UTC') CODEC(Delta, ZSTD(1)),
            event_key UInt64,
            source LowCardinality(String),
            event LowCardinality(String),
            account LowCardinality(String),
            agency LowCardinality(String),
            client_ip IPv6,
            session_id String,
            request_id String,
            citizen_ref String,
            citizen_province LowCardinality(String),
            id_delta Nullable(Int64),
            purpose LowCardinality(String),
            result LowCardinality(String),
            default_password Nullable(Bool),
            password_age_days Nullable(Int32),
            extra String CODEC(ZSTD(3)),
            ingested_at DateTime64(3, 'UTC') DEFAULT now64(3),
            INDEX idx_client_ip client_ip TYPE bloom_filter GRANULARITY 4,
            INDEX idx_citizen_ref citizen_ref TYPE bloom_filter GRANULARITY 4,
            INDEX idx_event_key event_key TYPE bloom_filter GRANULARITY 4
        )
        ENGINE = MergeTree
        PARTITION BY toDate(ts)
        ORDER BY (account, ts)
        TTL toDateTime(ingested_at) + INTERVAL {retention_days} DAY
        """;

    public const string DeadLetters = """
        CREATE TABLE IF NOT EXISTS {db}.dead_letters
        (
            id UUID DEFAULT generateUUIDv4(),
            received_at DateTime64(3, 'UTC') DEFAULT now64(3),
            source LowCardinality(String),
            format LowCardinality(String),
            position String,
            reason LowCardinality(String),
            detail String,
            raw String CODEC(ZSTD(3)),
            sealed String CODEC(ZSTD(3))
        )
        ENGINE = MergeTree
        PARTITION BY toYYYYMM(received_at)
        ORDER BY (received_at, id)
        """;

    /// <summary>Append-only record of re-drives: a dead letter is done once a re-drive ingested it.</summary>
    public const string DeadLetterRedrives = """
        CREATE TABLE IF NOT EXISTS {db}.dead_letter_redrives
        (
            id UUID,
            redriven_at DateTime64(3, 'UTC'),
            outcome LowCardinality(String),
            detail String
        )
        ENGINE = MergeTree
        ORDER BY (id, redriven_at)
        """;
}
