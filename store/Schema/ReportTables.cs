namespace LogSentinel.Store.Schema;

/// <summary>
/// Generated daily reports, so the console and the API serve what leaders were sent. A newer generation of the
/// same day, agency and language replaces the older one (readers take the newest explicitly).
/// </summary>
internal static class ReportTables
{
    public const string Reports = """
        CREATE TABLE IF NOT EXISTS {db}.reports
        (
            date Date,
            agency LowCardinality(String),
            lang LowCardinality(String),
            generated_at DateTime64(3, 'UTC'),
            json String CODEC(ZSTD(3)),
            html String CODEC(ZSTD(3))
        )
        ENGINE = ReplacingMergeTree(generated_at)
        ORDER BY (date, agency, lang)
        """;
}
