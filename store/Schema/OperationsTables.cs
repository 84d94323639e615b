namespace LogSentinel.Store.Schema;

/// <summary>The audit trail, detector state, and the record of applied migrations.</summary>
internal static class OperationsTables
{
    public const string SchemaMigrations = """
        CREATE TABLE IF NOT EXISTS {db}.schema_migrations
        (
            version UInt32,
            name String,
            checksum String,
            applied_at DateTime64(3, 'UTC')
        )
        ENGINE = MergeTree
        ORDER BY version
        """;

    /// <summary>Append-only: nothing in the product updates or deletes audit rows.</summary>
    public const string AuditLog = """
        CREATE TABLE IF NOT EXISTS {db}.audit_log
        (
            at DateTime64(3, 'UTC'),
            actor String,
            role LowCardinality(String),
            action LowCardinality(String),
            target String,
            detail String,
            remote_addr String
        )
        ENGINE = MergeTree
        PARTITION BY toYYYYMM(at)
        ORDER BY at
        """;

    /// <summary>Detector checkpoints and per-entity memory, as key/value; the newest version of a key wins.</summary>
    public const string DetectorState = """
        CREATE TABLE IF NOT EXISTS {db}.detector_state
        (
            key String,
            value String CODEC(ZSTD(3)),
            updated_at DateTime64(3, 'UTC'),
            version UInt64
        )
        ENGINE = ReplacingMergeTree(version)
        ORDER BY key
        """;
}
