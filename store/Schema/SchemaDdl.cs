using System.Globalization;

namespace LogSentinel.Store.Schema;

/// <summary>
/// The schema as a script an operator applies by hand (<c>logsentinel store ddl</c>): the same migrations the
/// store applies at start, for one server or, transformed, for a ClickHouse cluster. The script also records each
/// migration in <c>schema_migrations</c> with the checksum of the migration it came from, so the roles starting
/// afterwards find the schema current and change nothing.
/// </summary>
public static class SchemaDdl
{
    /// <summary>The statements, in order, without trailing semicolons.</summary>
    /// <param name="database">Database holding the tables (<c>Store:Database</c>).</param>
    /// <param name="retentionDays">Days raw events are kept (<c>Store:RetentionDays</c>).</param>
    /// <param name="cluster">Cluster name from the servers' <c>remote_servers</c>; null for a single server.</param>
    public static IReadOnlyList<string> Generate(string database, int retentionDays, string? cluster)
    {
        if (!SqlIdentifier.IsValid(database))
        {
            throw new StoreException($"Store:Database '{database}' is not a valid database name (letters, digits and _ only, not starting with a digit).");
        }

        if (cluster is not null && !SqlIdentifier.IsValid(cluster))
        {
            throw new StoreException($"--cluster '{cluster}' is not a valid cluster name (letters, digits and _ only, not starting with a digit).");
        }

        var statements = new List<string>();
        var clusterSchema = cluster is null ? null : new ClusterSchema(cluster);
        statements.Add(clusterSchema is null ? $"CREATE DATABASE IF NOT EXISTS {database}" : $"CREATE DATABASE IF NOT EXISTS {database} ON CLUSTER {cluster}");
        AddStatement(statements, clusterSchema, OperationsTables.SchemaMigrations, "schema_migrations", database, retentionDays);
        foreach (var migration in Migrations.All)
        {
            foreach (var statement in migration.Statements)
            {
                AddStatement(statements, clusterSchema, statement, $"migration {migration.Version} ({migration.Name})", database, retentionDays);
            }
        }

        foreach (var migration in Migrations.All)
        {
            statements.Add(RecordMigration(migration, database, cluster is not null));
        }

        return statements;
    }

    private static void AddStatement(List<string> statements, ClusterSchema? cluster, string template, string origin, string database, int retentionDays)
    {
        if (cluster is null)
        {
            statements.Add(MigrationText.Render(template, database, retentionDays));
            return;
        }

        foreach (var transformed in cluster.Transform(template, origin))
        {
            statements.Add(MigrationText.Render(transformed, database, retentionDays));
        }
    }

    /// <summary>
    /// Records a migration unless it is already recorded, so the script can be applied again after an upgrade.
    /// On a cluster the row must be on its shard before the next statement reads the table.
    /// </summary>
    private static string RecordMigration(Migration migration, string database, bool onCluster)
    {
        var version = migration.Version.ToString(CultureInfo.InvariantCulture);
        var name = migration.Name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal);
        var sql = $"""
            INSERT INTO {database}.schema_migrations (version, name, checksum, applied_at)
            SELECT {version}, '{name}', '{migration.Checksum}', now64(3)
            WHERE (SELECT count() FROM {database}.schema_migrations WHERE version = {version}) = 0
            """;
        return onCluster ? sql + "\nSETTINGS distributed_foreground_insert = 1" : sql;
    }
}
