using System.Text.RegularExpressions;

namespace LogSentinel.Store.Schema;

/// <summary>
/// Turns a single-server migration statement into its cluster form, so the cluster schema is derived from the
/// migrations instead of written twice. Each table <c>t</c> becomes <c>t_local</c> (the Replicated form of its
/// engine, one replica set per shard) plus <c>t</c>, a Distributed table over <c>t_local</c> on every shard: the
/// product reads and writes <c>t</c> and never knows it is on a cluster. Materialized views run on each shard
/// from the local source table into the local rollup table; backfills run once through the Distributed tables. Statements of another shape are refused by name,
/// so a new kind of migration cannot silently produce a wrong cluster schema.
/// </summary>
internal sealed partial class ClusterSchema(string cluster)
{
    /// <summary>The replication path: one ZooKeeper/Keeper path per shard and table, filled in by the server's macros.</summary>
    public const string ReplicationPath = "/clickhouse/tables/{shard}/{database}/{table}";

    /// <summary>
    /// Where a row of a table written through its Distributed table goes. Events go by account so one account's
    /// events (the detectors' and the console's usual scan) stay on one shard; rollups, filled on each shard by the
    /// views, only use this for direct writes.
    /// </summary>
    private static readonly Dictionary<string, string> ShardingKeys = new(StringComparer.Ordinal)
    {
        ["gateway_events"] = "cityHash64(account)",
        ["app_events"] = "cityHash64(account)",
        ["rollup_account_1m"] = "cityHash64(account)",
        ["rollup_ip_1m"] = "cityHash64(client_ip)",
        ["rollup_agency_1m"] = "cityHash64(agency)",
        ["alert_history"] = "cityHash64(alert_id)",
    };

    private readonly HashSet<string> _tables = new(StringComparer.Ordinal);

    public static string LocalName(string table) => table + "_local";

    /// <summary>The cluster statements for one migration statement (still holding <c>{db}</c>); <paramref name="origin"/> names it in errors.</summary>
    public IReadOnlyList<string> Transform(string statement, string origin)
    {
        var table = CreateTable().Match(statement);
        if (table.Success)
        {
            return TransformTable(table, origin);
        }

        var view = CreateMaterializedViewTo().Match(statement);
        if (view.Success)
        {
            return [TransformView(view, origin)];
        }

        var backfill = InsertSelect().Match(statement);
        if (backfill.Success)
        {
            return [TransformBackfill(backfill, origin, statement)];
        }

        var firstLine = statement.AsSpan().TrimStart().ToString().Split('\n')[0].Trim();
        throw new StoreException(
            $"{origin}: no cluster form for '{firstLine}'. Only CREATE TABLE IF NOT EXISTS with a MergeTree-family engine, " +
            "CREATE MATERIALIZED VIEW IF NOT EXISTS ... TO and INSERT INTO ... SELECT backfills are transformed; extend store/Schema/ClusterSchema.cs for this statement.");
    }

    private string[] TransformTable(Match table, string origin)
    {
        var name = table.Groups["name"].Value;
        var engine = table.Groups["engine"].Value;
        if (!engine.EndsWith("MergeTree", StringComparison.Ordinal) || engine.StartsWith("Replicated", StringComparison.Ordinal))
        {
            throw new StoreException($"{origin}: table {name} uses engine {engine}; only non-replicated MergeTree-family engines have a cluster form.");
        }

        var arguments = table.Groups["args"].Success ? table.Groups["args"].Value.Trim() : string.Empty;
        var replicatedArguments = $"'{ReplicationPath}', '{{replica}}'" + (arguments.Length > 0 ? ", " + arguments : string.Empty);
        var rest = table.Groups["rest"].Value;
        var local = LocalName(name);
        _tables.Add(name);

        var localTable = $"CREATE TABLE IF NOT EXISTS {{db}}.{local} ON CLUSTER {cluster}\n{table.Groups["columns"].Value}\n" +
                         $"ENGINE = Replicated{engine}({replicatedArguments}){rest}";
        var distributed = $"CREATE TABLE IF NOT EXISTS {{db}}.{name} ON CLUSTER {cluster} AS {{db}}.{local}\n" +
                          $"ENGINE = Distributed('{cluster}', '{{db}}', '{local}', {ShardingKey(name, engine, rest)})";
        return [localTable, distributed];
    }

    private string TransformView(Match view, string origin)
    {
        var target = view.Groups["target"].Value;
        if (!_tables.Contains(target))
        {
            throw new StoreException($"{origin}: view {view.Groups["name"].Value} writes to {target}, which no earlier migration creates.");
        }

        // The view runs on every shard over the rows inserted there: read the local tables, not the Distributed ones.
        var select = TableReference().Replace(view.Groups["select"].Value, m =>
            _tables.Contains(m.Groups["table"].Value) ? "{db}." + LocalName(m.Groups["table"].Value) : m.Value);
        return $"CREATE MATERIALIZED VIEW IF NOT EXISTS {{db}}.{view.Groups["name"].Value} ON CLUSTER {cluster} TO {{db}}.{LocalName(target)} AS{select}";
    }

    /// <summary>
    /// A backfill runs once, from the node applying the script, through the Distributed tables: it reads every
    /// shard and its rows go to the shards the target's sharding key names.
    /// </summary>
    private string TransformBackfill(Match insert, string origin, string statement)
    {
        var target = insert.Groups["target"].Value;
        if (!_tables.Contains(target))
        {
            throw new StoreException($"{origin}: backfill writes to {target}, which no earlier migration creates.");
        }

        return statement + "\nSETTINGS distributed_foreground_insert = 1";
    }

    /// <summary>
    /// Rows that a Replacing/Aggregating/... engine merges must meet on one shard, so those tables shard by their
    /// whole sorting key; append-only tables without a natural key spread at random.
    /// </summary>
    private static string ShardingKey(string table, string engine, string rest)
    {
        if (ShardingKeys.TryGetValue(table, out var key))
        {
            return key;
        }

        if (engine == "MergeTree")
        {
            return "rand()";
        }

        var orderBy = SortingKey(rest);
        return orderBy.Length == 0 || orderBy == "tuple()" ? "rand()" : $"cityHash64({orderBy})";
    }

    /// <summary>The ORDER BY expression without its outer parentheses, e.g. <c>entity_kind, entity</c>.</summary>
    private static string SortingKey(string rest)
    {
        var at = rest.IndexOf("ORDER BY", StringComparison.Ordinal);
        if (at < 0)
        {
            return string.Empty;
        }

        var text = rest[(at + "ORDER BY".Length)..].TrimStart();
        if (!text.StartsWith('('))
        {
            var end = text.AsSpan().IndexOfAny(" \t\r\n");
            return end < 0 ? text : text[..end];
        }

        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return text[1..i].Trim();
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^\s*CREATE TABLE IF NOT EXISTS \{db\}\.(?<name>\w+)\s*(?<columns>\(.*\))\s*ENGINE\s*=\s*(?<engine>\w+)(?:\((?<args>[^)]*)\))?(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s*CREATE MATERIALIZED VIEW IF NOT EXISTS \{db\}\.(?<name>\w+)\s+TO\s+\{db\}\.(?<target>\w+)\s+AS(?<select>.*)$", RegexOptions.Singleline)]
    private static partial Regex CreateMaterializedViewTo();

    [GeneratedRegex(@"^\s*INSERT INTO \{db\}\.(?<target>\w+)\s+SELECT\b", RegexOptions.Singleline)]
    private static partial Regex InsertSelect();

    [GeneratedRegex(@"\{db\}\.(?<table>\w+)\b")]
    private static partial Regex TableReference();
}
