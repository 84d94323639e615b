namespace LogSentinel.Store.Schema;

/// <summary>
/// Behavioural baselines of accounts, addresses and agencies, the versioned anomaly models, the entity-day feature
/// windows they are trained on and the scores shadow models gave. Numbers that vary in shape (an hourly profile, a
/// model's matrices) travel as JSON documents so the model can grow features without a schema change.
/// </summary>
internal static class BehaviourTables
{
    /// <summary>An entity's expected activity as of the newest replayed day; the newest version of an entity wins.</summary>
    public const string EntityBaselines = """
        CREATE TABLE IF NOT EXISTS {db}.entity_baselines
        (
            entity_kind LowCardinality(String),
            entity String,
            agency LowCardinality(String),
            peer_group LowCardinality(String),
            own_days UInt32,
            as_of DateTime64(3, 'UTC'),
            profile String CODEC(ZSTD(3)),
            version UInt64
        )
        ENGINE = ReplacingMergeTree(version)
        ORDER BY (entity_kind, entity)
        """;

    /// <summary>Anomaly models: parameters, training summary and status (shadow, promoted, retired); newest version of a model wins.</summary>
    public const string Models = """
        CREATE TABLE IF NOT EXISTS {db}.models
        (
            model_id UInt32,
            kind LowCardinality(String),
            status LowCardinality(String),
            created_at DateTime64(3, 'UTC'),
            trained_from DateTime64(3, 'UTC'),
            trained_to DateTime64(3, 'UTC'),
            windows UInt64,
            parameters String CODEC(ZSTD(3)),
            summary String,
            version UInt64
        )
        ENGINE = ReplacingMergeTree(version)
        ORDER BY model_id
        """;

    /// <summary>One feature vector per entity and closed day; a replay of the same data writes the same rows, which collapse.</summary>
    public const string ModelWindows = """
        CREATE TABLE IF NOT EXISTS {db}.model_windows
        (
            entity_kind LowCardinality(String),
            entity String,
            window_start DateTime64(3, 'UTC'),
            features String
        )
        ENGINE = ReplacingMergeTree
        PARTITION BY toYYYYMM(window_start)
        ORDER BY (entity_kind, entity, window_start)
        """;

    /// <summary>What a model in shadow would have said about each window (score in thousandths), without raising alerts.</summary>
    public const string ModelScores = """
        CREATE TABLE IF NOT EXISTS {db}.model_scores
        (
            model_id UInt32,
            entity_kind LowCardinality(String),
            entity String,
            window_start DateTime64(3, 'UTC'),
            score_milli UInt64,
            over_threshold UInt8
        )
        ENGINE = ReplacingMergeTree
        ORDER BY (model_id, entity_kind, entity, window_start)
        """;
}
