using LogSentinel.Store;
using LogSentinel.Store.Embedded;
using LogSentinel.Store.Schema;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Store;

public sealed class MigrationTests
{
    private static readonly string[] ExpectedTables =
    [
        "alert_history", "alert_triage", "alerts", "api_users", "app_events", "audit_log", "dead_letter_redrives", "dead_letters",
        "detector_state", "entity_activity_1h", "entity_baselines", "entity_seen", "gateway_events", "model_scores", "model_windows", "models",
        "ref_accounts", "ref_delegations", "ref_networks", "ref_versions", "reports", "rollup_account_1m", "rollup_agency_1m", "rollup_ip_1m", "schema_migrations", "tuning_versions",
    ];

    [Fact]
    public async Task Migrate_FreshDatabase_CreatesEveryTableAndRecordsEachVersion()
    {
        await using var store = StoreFactory.Open(SharedEngine.Options());

        var applied = await store.MigrateAsync();
        var counts = await store.GetTableRowCountsAsync();

        Assert.Equal(Migrations.All.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Equal(ExpectedTables, counts.Select(c => c.Table));
        Assert.Equal((ulong)Migrations.All.Count, counts.Single(c => c.Table == "schema_migrations").Rows);
    }

    [Fact]
    public async Task Migrate_SecondRun_AppliesNothingAndKeepsData()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.InsertGatewayEventsAsync(SampleEvents.Gateway(10));

        var second = await store.MigrateAsync();

        Assert.Empty(second);
        Assert.Equal(10UL, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "gateway_events").Rows);
        Assert.Equal(Migrations.All.Count, (await store.GetAppliedMigrationsAsync()).Count);
    }

    [Fact]
    public async Task DropDatabase_ThenMigrate_StartsEmpty_AndLeavesOtherDatabasesAlone()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await using var neighbour = await SharedEngine.OpenMigratedAsync();
        await store.InsertGatewayEventsAsync(SampleEvents.Gateway(10));
        await neighbour.InsertGatewayEventsAsync(SampleEvents.Gateway(3));

        await store.DropDatabaseAsync();
        var applied = await store.MigrateAsync();

        Assert.Equal(Migrations.All.Count, applied.Count);
        Assert.Equal(0UL, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "gateway_events").Rows);
        Assert.Equal(3UL, (await neighbour.GetTableRowCountsAsync()).Single(c => c.Table == "gateway_events").Rows);
    }

    [Fact]
    public async Task Migrate_RecordedChecksumDiffers_FailsNamingTheMigration()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        SharedEngine.Transport.QueryRaw($"ALTER TABLE {database}.schema_migrations UPDATE checksum = 'edited' WHERE version = 3 SETTINGS mutations_sync = 1", "TSV", null);

        var error = await Assert.ThrowsAsync<StoreException>(() => store.MigrateAsync());

        Assert.Contains("migration 3 (alerts and alert history)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrations_EachStatementIsIdempotent_RerunAfterPartialFailureSucceeds()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);

        // Forget that migrations 4, 5 and the newest ran, as if the process died before recording them.
        var newest = Migrations.All[^1].Version;
        SharedEngine.Transport.QueryRaw(
            $"ALTER TABLE {database}.schema_migrations DELETE WHERE version IN (4, 5, {newest}) SETTINGS mutations_sync = 1", "TSV", null);
        var rerun = await store.MigrateAsync();

        Assert.Equal([4, 5, newest], rerun.Select(m => m.Version));
    }

    [Fact]
    public void Open_InvalidDatabaseName_FailsBeforeTouchingTheEngine()
    {
        var options = SharedEngine.Options("bad-name; DROP DATABASE x");

        var error = Assert.Throws<StoreException>(() => StoreFactory.Open(options));

        Assert.Contains("Store:Database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_VersionsAreUniqueAndAscending()
    {
        var versions = Migrations.All.Select(m => m.Version).ToArray();

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Length, versions.Distinct().Count());
        // Statements run again after an interruption: CREATE ... IF NOT EXISTS, or a backfill that copies only while its migration is unrecorded.
        Assert.All(Migrations.All.SelectMany(m => m.Statements.Select(s => (m.Version, Statement: s))), m =>
        {
            if (m.Statement.StartsWith("INSERT INTO", StringComparison.Ordinal))
            {
                Assert.Contains($"WHERE (SELECT count() FROM {{db}}.schema_migrations WHERE version = {m.Version}) = 0", m.Statement, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("IF NOT EXISTS", m.Statement, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public void EmbeddedTransport_IsTheSharedEngine()
    {
        Assert.Equal(Path.GetFullPath(SharedEngine.DataPath), SharedEngine.Transport.Location);
        Assert.IsType<EmbeddedTransport>(SharedEngine.Transport);
    }
}
