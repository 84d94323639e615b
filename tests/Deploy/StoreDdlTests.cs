using System.Text.RegularExpressions;
using LogSentinel.Store;
using LogSentinel.Store.Schema;
using LogSentinel.Store.Transport;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Deploy;

/// <summary>
/// <c>logsentinel store ddl</c>: the single-server script applies to the engine and leaves nothing for the
/// migrator to do; the cluster script parses and has the cluster shape for every table and view.
/// </summary>
public sealed partial class StoreDdlTests
{
    private const string Cluster = "logsentinel_cluster";

    [Fact]
    public async Task StoreDdl_NoCluster_AppliesToTheEngineAndTheMigratorFindsEveryMigrationRecorded()
    {
        var database = SharedEngine.NewDatabase("ddl");
        var (exitCode, output, error) = await CliRunner.RunAsync("store", "ddl", "-s", $"Store:Database={database}");
        Assert.True(exitCode == 0, error);

        var statements = SplitScript(output);
        foreach (var statement in statements)
        {
            await SharedEngine.Transport.ExecuteAsync(statement, null, CancellationToken.None);
        }

        // Applying the script again changes nothing: the operator can re-run it after an upgrade.
        foreach (var statement in statements)
        {
            await SharedEngine.Transport.ExecuteAsync(statement, null, CancellationToken.None);
        }

        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        var applied = await store.GetAppliedMigrationsAsync();
        var newlyApplied = await store.MigrateAsync();
        var counts = await store.GetTableRowCountsAsync();

        Assert.Empty(newlyApplied);
        Assert.Equal(Migrations.All.Select(m => (m.Version, m.Checksum)), applied.Select(m => (m.Version, m.Checksum)));

        // The same tables, with the same columns, as the migrator creates in a database of its own.
        await using var reference = await SharedEngine.OpenMigratedAsync();
        Assert.Equal((await reference.GetTableRowCountsAsync()).Select(c => c.Table), counts.Select(c => c.Table));
        Assert.Equal(await ColumnsAsync(reference.Description.Database), await ColumnsAsync(database));
    }

    [Fact]
    public void Generate_NoCluster_IsTheMigrationsStatementsInOrder()
    {
        var statements = SchemaDdl.Generate("logsentinel", 400, cluster: null);

        var schema = statements.Where(s => !s.StartsWith("INSERT INTO logsentinel.schema_migrations", StringComparison.Ordinal)).ToArray();
        var migrationStatements = Migrations.All.SelectMany(m => m.Statements).Select(s => MigrationText.Render(s, "logsentinel", 400));
        Assert.Equal(migrationStatements, schema.Skip(2));
        Assert.Equal(Migrations.All.Count, statements.Count(s => s.StartsWith("INSERT INTO logsentinel.schema_migrations", StringComparison.Ordinal)));
        Assert.Contains("INTERVAL 400 DAY", string.Join('\n', statements), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreDdl_Cluster_EveryStatementParses()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("store", "ddl", "--cluster", Cluster, "-s", "Store:Database=logsentinel");
        Assert.True(exitCode == 0, error);

        var statements = SplitScript(output);
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            var formatted = await SharedEngine.Transport.QueryAsync(
                "SELECT formatQuery({sql:String})", new QueryParameters().Add("sql", statement), CancellationToken.None);
            Assert.False(string.IsNullOrEmpty((string?)formatted.Rows[0][0]), statement);
        }
    }

    [Fact]
    public void Generate_Cluster_EveryTableIsReplicatedLocalPlusDistributedAndViewsStayOnTheShard()
    {
        var statements = SchemaDdl.Generate("logsentinel", 400, Cluster);
        var single = SchemaDdl.Generate("logsentinel", 400, cluster: null);
        var tables = single.Select(s => CreatedTable().Match(s)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToArray();
        Assert.Contains("gateway_events", tables);

        Assert.All(statements.Where(s => s.StartsWith("CREATE", StringComparison.Ordinal)), s => Assert.Contains($" ON CLUSTER {Cluster}", s, StringComparison.Ordinal));
        foreach (var table in tables)
        {
            var local = Assert.Single(statements, s => s.StartsWith($"CREATE TABLE IF NOT EXISTS logsentinel.{table}_local ON CLUSTER", StringComparison.Ordinal));
            Assert.Matches(@"ENGINE = Replicated\w*MergeTree\('/clickhouse/tables/\{shard\}/\{database\}/\{table\}', '\{replica\}'", local);
            var distributed = Assert.Single(statements, s => s.StartsWith($"CREATE TABLE IF NOT EXISTS logsentinel.{table} ON CLUSTER", StringComparison.Ordinal));
            Assert.Contains($"AS logsentinel.{table}_local", distributed, StringComparison.Ordinal);
            Assert.Contains($"ENGINE = Distributed('{Cluster}', 'logsentinel', '{table}_local', ", distributed, StringComparison.Ordinal);
        }

        // Engine arguments survive: ReplacingMergeTree(version) keeps its version column.
        Assert.Contains(statements, s => s.Contains("logsentinel.alerts_local", StringComparison.Ordinal)
            && s.Contains("ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}', version)", StringComparison.Ordinal));
        // Events shard by account; rows a Replacing engine merges meet on one shard.
        Assert.Contains(statements, s => s.Contains("'gateway_events_local', cityHash64(account))", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("'alerts_local', cityHash64(id))", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("'detector_state_local', cityHash64(key))", StringComparison.Ordinal));

        // Backfills run once, through the Distributed tables, and only while their migration is unrecorded.
        var backfills = statements.Where(s => s.StartsWith("INSERT", StringComparison.Ordinal) && !s.Contains(".schema_migrations (", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(backfills);
        Assert.All(backfills, b =>
        {
            Assert.DoesNotContain("_local", b, StringComparison.Ordinal);
            Assert.DoesNotContain("ON CLUSTER", b, StringComparison.Ordinal);
            Assert.Contains("FROM logsentinel.schema_migrations WHERE version = ", b, StringComparison.Ordinal);
        });

        var views = statements.Where(s => s.StartsWith("CREATE MATERIALIZED VIEW", StringComparison.Ordinal)).ToArray();
        Assert.Equal(single.Count(s => s.StartsWith("CREATE MATERIALIZED VIEW", StringComparison.Ordinal)), views.Length);
        Assert.All(views, v =>
        {
            Assert.Matches(@" TO logsentinel\.\w+_local AS", v);
            Assert.Matches(@"FROM logsentinel\.\w+_local\b", v);
        });
    }

    [Fact]
    public void Generate_Cluster_RecordsEachMigrationOnceWithItsChecksum()
    {
        var inserts = SchemaDdl.Generate("logsentinel", 400, Cluster)
            .Where(s => s.StartsWith("INSERT INTO logsentinel.schema_migrations", StringComparison.Ordinal)).ToArray();

        Assert.Equal(Migrations.All.Count, inserts.Length);
        Assert.All(Migrations.All.Zip(inserts), pair =>
        {
            Assert.Contains($"'{pair.First.Checksum}'", pair.Second, StringComparison.Ordinal);
            Assert.Contains($"WHERE version = {pair.First.Version}) = 0", pair.Second, StringComparison.Ordinal);
            Assert.EndsWith("SETTINGS distributed_foreground_insert = 1", pair.Second, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ClusterSchema_StatementWithoutClusterForm_IsRefusedNamingTheMigration()
    {
        var schema = new ClusterSchema(Cluster);

        var error = Assert.Throws<StoreException>(() => schema.Transform("ALTER TABLE {db}.alerts ADD COLUMN x UInt8", "migration 99 (test)"));

        Assert.Contains("migration 99 (test)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ALTER TABLE {db}.alerts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreDdl_BadClusterName_ClearErrorAndExitCode1()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("store", "ddl", "--cluster", "prod; DROP DATABASE x");

        Assert.Equal(1, exitCode);
        Assert.Contains("--cluster 'prod; DROP DATABASE x' is not a valid cluster name", error, StringComparison.Ordinal);
    }

    /// <summary>The script as clickhouse-client --multiquery reads it: comment lines dropped, statements split at ';'.</summary>
    private static List<string> SplitScript(string script)
    {
        var withoutComments = string.Join('\n', script.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal)));
        return withoutComments.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
    }

    private static async Task<List<string>> ColumnsAsync(string database)
    {
        var result = await SharedEngine.Transport.QueryAsync(
            "SELECT table, name, type, default_expression FROM system.columns WHERE database = {db:String} ORDER BY table, position",
            new QueryParameters().Add("db", database),
            CancellationToken.None);
        return result.Rows.Select(r => string.Join('|', r)).ToList();
    }

    [GeneratedRegex(@"^CREATE TABLE IF NOT EXISTS logsentinel\.(?<name>\w+)\s*\(")]
    private static partial Regex CreatedTable();
}
