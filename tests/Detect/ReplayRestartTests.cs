using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Replay;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Reference;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;
using Polly;

namespace LogSentinel.Tests.Detect;

/// <summary>Checkpoints: a replay stopped part-way and run again gives what one uninterrupted replay gives.</summary>
public sealed class ReplayRestartTests : IDisposable
{
    private const int BatchLines = 2048;
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 11)).ToArray();

    private readonly SimulatedRun _run = SimulatedRun.Create(
        days: 4, accounts: 120, "account_sharing,brute_force,scripted_bulk_lookup,weak_credentials,many_accounts_one_source,departed_account_use", seed: 21);

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData(0.3, BatchLines)]
    [InlineData(0.7, BatchLines)]
    [InlineData(0.5, 3001)]
    public async Task Replay_StoppedPartWayThenRerun_SameAlertsAsOneRun_EveryEventOnce(double stopAt, int resumeBatchLines)
    {
        var whole = SharedEngine.NewDatabase("rst");
        var (uninterrupted, wholeAlerts) = await ReplayAsync(whole);
        var totalBatches = (int)Math.Ceiling((double)_run.GatewayLines.Length / BatchLines) + (int)Math.Ceiling((double)_run.AppLines.Length / BatchLines);

        var restarted = SharedEngine.NewDatabase("rst");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReplayAsync(restarted, failAfterBatches: (int)(totalBatches * stopAt)));
        var (resumed, resumedAlerts) = await ReplayAsync(restarted, batchLines: resumeBatchLines);

        Assert.NotEmpty(wholeAlerts);
        Assert.True(resumed.ResumedFromCheckpoint);
        Assert.Equal(wholeAlerts.Select(DetectionReplay.WithoutWallClock), resumedAlerts.Select(DetectionReplay.WithoutWallClock));
        Assert.Equal(uninterrupted.Events, resumed.Events);
        Assert.Equal(uninterrupted.AlertsByType, resumed.AlertsByType);
        Assert.Equal(uninterrupted.EventsStored, await CountStoredAsync(restarted));

        // Baselines are written once at the end: those that changed before the checkpoint the rerun resumed from are
        // remembered by it, so every entity's newest baseline is there as after one run.
        var wholeBaselines = await BaselinesAsync(whole);
        Assert.NotEmpty(wholeBaselines);
        Assert.Equal(wholeBaselines, await BaselinesAsync(restarted));
    }

    [Fact]
    public async Task Replay_FinishedThenRerun_NothingStoredAgain_SameAlerts()
    {
        var database = SharedEngine.NewDatabase("rst");
        var (first, alerts) = await ReplayAsync(database);
        var (second, again) = await ReplayAsync(database);

        Assert.True(second.ResumedFromCheckpoint);
        Assert.Equal(0, second.EventsStored);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(alerts.Select(DetectionReplay.WithoutWallClock), again.Select(DetectionReplay.WithoutWallClock));
    }

    [Fact]
    public void EngineState_SavedAndRestored_SavesTheSameBytes()
    {
        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        var batch = new LogSentinel.Store.Events.AppEventBatch();
        var t0 = new DateTimeOffset(2024, 1, 10, 20, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 40; i++)
        {
            var fields = new LogSentinel.Store.Events.AppEventFields
            {
                TimestampMs = t0 + (i * 5_000),
                EventKey = (ulong)i,
                Event = "login_failed"u8.ToArray(),
                Account = System.Text.Encoding.UTF8.GetBytes("user" + (i % 3)),
                ClientIp = LogSentinel.Store.Events.IpAddresses.FromIPAddress(System.Net.IPAddress.Parse("10.0.0." + (i % 4))),
                DefaultPassword = -1,
                PasswordAgeDays = -1,
            };
            batch.Add(in fields);
        }

        for (var row = 0; row < batch.Count; row++)
        {
            engine.Add(batch, row);
        }

        engine.DrainChangedAlerts([]);
        var saved = engine.SaveState();
        var restored = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        restored.RestoreState(saved);

        Assert.Equal(saved, restored.SaveState());
        Assert.Equal(engine.Stats.Events, restored.Stats.Events);
        Assert.Equal(engine.WatermarkMs, restored.WatermarkMs);
    }

    private async Task<(ReplaySummary Summary, IReadOnlyList<AlertRecord> Alerts)> ReplayAsync(string database, int? failAfterBatches = null, int batchLines = BatchLines)
    {
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        var parsed = new ReferenceFiles(
            new FileInfo(Path.Combine(_run.Directory, "accounts.csv")),
            new FileInfo(Path.Combine(_run.Directory, "networks.csv")),
            new FileInfo(Path.Combine(_run.Directory, "delegations.csv"))).Parse();
        await parsed.LoadAsync(store.Reference, "tests", CancellationToken.None);
        var reference = new ReferenceData(
            await store.Reference.GetAccountsAsync(), await store.Reference.GetNetworksAsync(), await store.Reference.GetDelegationsAsync());
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);
        var sealer = new DeadLetterSealer(Key);
        using var metrics = new IngestMetrics();
        using var pipeline = new IngestPipeline(store, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
        var engine = new DetectionEngine(new DetectionOptions(), reference, TimeProvider.System);
        var runner = new ReplayRunner(store, pipeline, engine, ResiliencePipeline.Empty, TimeProvider.System,
            new ReplayOptions { BatchLines = batchLines, CheckpointInterval = TimeSpan.FromMinutes(10), AlertBatch = 7 })
        {
            FailAfterBatches = failAfterBatches,
        };
        var summary = await runner.RunAsync([Path.Combine(_run.Directory, "gateway.jsonl"), Path.Combine(_run.Directory, "app.jsonl")], CancellationToken.None);
        return (summary, await store.Alerts.ListAsync(new AlertQuery()));
    }

    private static async Task<List<string>> BaselinesAsync(string database)
    {
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        return [.. (await store.Baselines.ListAsync()).Select(b => $"{b.EntityKind}/{b.Entity} {b.OwnDays} {b.AsOf:O} {b.ProfileJson}")];
    }

    private static async Task<long> CountStoredAsync(string database)
    {
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        var counts = await store.GetTableRowCountsAsync();
        return (long)counts.Where(c => c.Table is "gateway_events" or "app_events").Sum(c => (decimal)c.Rows);
    }
}
