namespace LogSentinel.Store.Schema;

/// <summary>
/// Reference data (accounts, networks, delegations) is loaded whole as a new version; readers use the newest
/// version recorded in <c>ref_versions</c>, so a load switches atomically and older versions stay as history.
/// </summary>
internal static class ReferenceTables
{
    public const string Versions = """
        CREATE TABLE IF NOT EXISTS {db}.ref_versions
        (
            kind LowCardinality(String),
            version UInt64,
            loaded_at DateTime64(3, 'UTC'),
            loaded_by String,
            source String,
            rows UInt64
        )
        ENGINE = MergeTree
        ORDER BY (kind, version)
        """;

    public const string Accounts = """
        CREATE TABLE IF NOT EXISTS {db}.ref_accounts
        (
            version UInt64,
            account String,
            agency LowCardinality(String),
            role LowCardinality(String),
            status LowCardinality(String),
            status_since Date
        )
        ENGINE = MergeTree
        ORDER BY (version, account)
        """;

    public const string Networks = """
        CREATE TABLE IF NOT EXISTS {db}.ref_networks
        (
            version UInt64,
            agency LowCardinality(String),
            cidr String,
            range_start IPv6,
            range_end IPv6,
            label String
        )
        ENGINE = MergeTree
        ORDER BY (version, agency, range_start)
        """;

    public const string Delegations = """
        CREATE TABLE IF NOT EXISTS {db}.ref_delegations
        (
            version UInt64,
            account String,
            delegate String,
            valid_from DateTime64(3, 'UTC'),
            valid_to DateTime64(3, 'UTC'),
            reason String
        )
        ENGINE = MergeTree
        ORDER BY (version, account, valid_from)
        """;
}
