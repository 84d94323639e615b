namespace LogSentinel.Store.Schema;

/// <summary>
/// What the query API adds: the analysts' workflow of each alert, kept beside the detectors' rows so neither
/// overwrites the other, and the API users with their hashed keys.
/// </summary>
internal static class AccessTables
{
    /// <summary>The newest change of an alert's state, disposition and assignee wins; the history keeps every step.</summary>
    public const string AlertTriage = """
        CREATE TABLE IF NOT EXISTS {db}.alert_triage
        (
            alert_id UUID,
            state LowCardinality(String),
            disposition LowCardinality(String),
            assignee String,
            updated_by String,
            updated_at DateTime64(3, 'UTC'),
            version UInt64
        )
        ENGINE = ReplacingMergeTree(version)
        ORDER BY alert_id
        """;

    /// <summary>API users; only a SHA-256 of each key is kept, and a revocation is a newer version of the row (revoked_at 0: active).</summary>
    public const string ApiUsers = """
        CREATE TABLE IF NOT EXISTS {db}.api_users
        (
            name String,
            role LowCardinality(String),
            key_id String,
            key_hash String,
            created_at DateTime64(3, 'UTC'),
            created_by String,
            revoked_at DateTime64(3, 'UTC'),
            version UInt64
        )
        ENGINE = ReplacingMergeTree(version)
        ORDER BY name
        """;
}
