namespace LogSentinel.Store.Schema;

/// <summary>
/// Alerts are rows versioned by <c>version</c>: every change (state, assignee, a merged repeat) writes a newer
/// row and ReplacingMergeTree keeps the newest. The history of what happened to an alert is append-only.
/// </summary>
internal static class AlertTables
{
    public const string Alerts = """
        CREATE TABLE IF NOT EXISTS {db}.alerts
        (
            id UUID,
            type LowCardinality(String),
            entity_kind LowCardinality(String),
            entity String,
            agency LowCardinality(String),
            window_start DateTime64(3, 'UTC'),
            window_end DateTime64(3, 'UTC'),
            score UInt8,
            severity LowCardinality(String),
            state LowCardinality(String),
            disposition LowCardinality(String),
            assignee String,
            explanation String CODEC(ZSTD(3)),
            evidence String CODEC(ZSTD(3)),
            category_vi String,
            category_en String,
            first_seen DateTime64(3, 'UTC'),
            last_seen DateTime64(3, 'UTC'),
            occurrences UInt32,
            detected_at DateTime64(3, 'UTC'),
            raised_at DateTime64(3, 'UTC'),
            updated_at DateTime64(3, 'UTC'),
            version UInt64
        )
        ENGINE = ReplacingMergeTree(version)
        ORDER BY id
        """;

    public const string AlertHistory = """
        CREATE TABLE IF NOT EXISTS {db}.alert_history
        (
            alert_id UUID,
            at DateTime64(3, 'UTC'),
            actor String,
            action LowCardinality(String),
            from_state LowCardinality(String),
            to_state LowCardinality(String),
            detail String
        )
        ENGINE = MergeTree
        ORDER BY (alert_id, at)
        """;
}
