namespace LogSentinel.Store.Schema;

/// <summary>
/// The tuning document, one row per version, append-only. Two writers racing for the same version both insert;
/// the earliest row (by <c>written_at</c>, then <c>change_id</c>) is that version and the other writer is told its
/// base was stale, so readers and writers agree without a lock across processes.
/// </summary>
internal static class TuningTables
{
    public const string Versions = """
        CREATE TABLE IF NOT EXISTS {db}.tuning_versions
        (
            version UInt64,
            change_id UUID,
            written_at DateTime64(3, 'UTC'),
            actor String,
            reason String,
            change String,
            based_on UInt64,
            reverted_to UInt64,
            document String CODEC(ZSTD(3))
        )
        ENGINE = MergeTree
        ORDER BY (version, written_at, change_id)
        """;
}
