using LogSentinel.Store;
using LogSentinel.Store.Activity;
using LogSentinel.Store.Schema;
using LogSentinel.Store.Transport;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Store;

/// <summary>First/last seen and hourly activity per entity (migration 11): filled by views chained on the rollups, backfilled on upgrade.</summary>
public sealed class EntityActivityTests
{
    [Fact]
    public async Task Views_EventsInSeveralBatches_SeenAndTimelinesAgreeWithTheEvents()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var world = ActivityWorld.Create(900);

        await world.InsertAsync(store, batches: 4);

        await EntityActivityAssert.AgreesWithEventsAsync(store, world);
    }

    [Fact]
    public async Task GetTimeline_WindowInsideBuckets_GivesEveryBucketItTouchesWhole()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var world = ActivityWorld.Create(900);
        await world.InsertAsync(store);
        var from = ActivityWorld.Start.AddHours(5).AddMinutes(23);
        var to = ActivityWorld.Start.AddDays(2).AddMinutes(7);

        var hours = await store.Activity.GetTimelineAsync(ActivityEntityKind.Account, "hn.ca.user2", from, to, ActivityBucket.Hour);
        var days = await store.Activity.GetTimelineAsync(ActivityEntityKind.Agency, "HN-CA-DONGDA", from, to, ActivityBucket.Day);

        Assert.Equal(
            world.Timeline(ActivityEntityKind.Account, "hn.ca.user2", ActivityBucket.Hour).Where(p => p.Start > from.AddHours(-1) && p.Start <= to),
            hours);
        Assert.Equal(
            world.Timeline(ActivityEntityKind.Agency, "HN-CA-DONGDA", ActivityBucket.Day).Where(p => p.Start > from.AddDays(-1) && p.Start <= to),
            days);
        Assert.True(hours[0].Start < from, "the first hour begins before the window and is counted whole");
    }

    [Fact]
    public async Task GetSeen_EntityWithoutEvents_IsNeverSeen()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await ActivityWorld.Create(50).InsertAsync(store);

        Assert.Equal(new EntitySeen(null, null, 0, 0), await store.Activity.GetSeenAsync(ActivityEntityKind.Account, "hn.ca.nobody"));
        Assert.Equal(new EntitySeen(null, null, 0, 0), await store.Activity.GetSeenAsync(ActivityEntityKind.Ip, "10.61.9.9"));
        Assert.Empty(await store.Activity.GetTimelineAsync(
            ActivityEntityKind.Ip, "10.61.9.9", ActivityWorld.Start, ActivityWorld.Start.AddDays(3), ActivityBucket.Hour));
    }

    [Fact]
    public async Task GetSeen_AddressInAnySpelling_FindsTheSameEntity()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var world = ActivityWorld.Create(60);
        await world.InsertAsync(store);

        var seen = await store.Activity.GetSeenAsync(ActivityEntityKind.Ip, "::ffff:10.61.2.3");

        Assert.Equal(world.Seen(ActivityEntityKind.Ip, "10.61.2.3"), seen);
    }

    [Fact]
    public async Task Migrate_StoreWithRollupsFromBeforeMigration11_BackfillsThenViewsAddLaterEvents_AndABackfillRunsOnlyOnce()
    {
        var database = SharedEngine.NewDatabase("upgrade");
        await ApplyMigrationsBeforeAsync(database, 11);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        var before = ActivityWorld.Create(600);
        await before.InsertAsync(store);

        var applied = await store.MigrateAsync();
        await ActivityWorld.Create(300, first: 600).InsertAsync(store);

        Assert.Equal([11], applied.Select(m => m.Version));
        var world = ActivityWorld.Create(900);
        await EntityActivityAssert.AgreesWithEventsAsync(store, world);

        // The backfills again (an operator re-applying the `store ddl` script): migration 11 is recorded, so they copy nothing.
        foreach (var statement in Migrations.All.Single(m => m.Version == 11).Statements.Where(s => s.StartsWith("INSERT", StringComparison.Ordinal)))
        {
            await SharedEngine.Transport.ExecuteAsync(MigrationText.Render(statement, database, 3650), null, CancellationToken.None);
        }

        await EntityActivityAssert.AgreesWithEventsAsync(store, world);
    }

    /// <summary>A database as an older LogSentinel left it: every migration before <paramref name="version"/> applied and recorded.</summary>
    private static async Task ApplyMigrationsBeforeAsync(string database, int version)
    {
        var transport = SharedEngine.Transport;
        await transport.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}", null, CancellationToken.None);
        await transport.ExecuteAsync(MigrationText.Render(OperationsTables.SchemaMigrations, database, 3650), null, CancellationToken.None);
        foreach (var migration in Migrations.All.Where(m => m.Version < version))
        {
            foreach (var statement in migration.Statements)
            {
                await transport.ExecuteAsync(MigrationText.Render(statement, database, 3650), null, CancellationToken.None);
            }

            await transport.ExecuteAsync(
                $"INSERT INTO {database}.schema_migrations (version, name, checksum, applied_at) VALUES ({{v:UInt32}}, {{n:String}}, {{c:String}}, now64(3))",
                new QueryParameters().Add("v", migration.Version).Add("n", migration.Name).Add("c", migration.Checksum),
                CancellationToken.None);
        }
    }
}
