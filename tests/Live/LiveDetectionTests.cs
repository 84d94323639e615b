using System.Globalization;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Tuning;
using LogSentinel.Tests.Detect;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Live;

/// <summary>Live mode over the mock cluster keeps the replay = live contract, also across a killed and restarted run.</summary>
public sealed class LiveDetectionTests : IDisposable
{
    private readonly SimulatedRun _run = SimulatedRun.Create(
        days: 3, accounts: 80, "brute_force,weak_credentials,many_accounts_one_source,scripted_bulk_lookup,account_sharing,departed_account_use", seed: 21);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Run_BacklogOverKafka_SameAlertsAsReplayOfTheFiles()
    {
        await using var world = await LiveTestWorld.StartAsync(_run);
        var replayed = await world.ReplayAsync();

        using var live = await world.LiveAsync();
        await RunUntilSettledAsync(world, live.Runner);
        var alerts = await world.Bed.Store.Alerts.ListAsync(new AlertQuery());

        Assert.NotEmpty(replayed);
        Assert.Equal(0, live.Runner.Stats.LateEvents);
        Assert.Equal(world.Lines, (int)live.Runner.Stats.Events);
        Assert.Equal(replayed.Select(Decision).Order(StringComparer.Ordinal), alerts.Select(Decision).Order(StringComparer.Ordinal));
        Assert.True(live.Runner.Stats.Latency.Count > 0, "alerts decided by events must be timed");
    }

    [Fact]
    public async Task Run_BacklogOverKafka_StoresTheBaselinesAReplayStores_AtDayClose()
    {
        await using var world = await LiveTestWorld.StartAsync(_run);
        await world.ReplayAsync();

        using var live = await world.LiveAsync();
        await RunUntilSettledAsync(world, live.Runner);
        var baselines = await world.Bed.Store.Baselines.ListAsync();
        var windows = await world.Bed.Store.Models.CountWindowsAsync(DateTime.MinValue);

        Assert.NotEmpty(world.ReplayedBaselines);
        // Peers' levels in the profile depend on when each entity's baseline was taken; what each entity has seen does not.
        Assert.Equal(world.ReplayedBaselines.Select(Seen), baselines.Select(Seen));
        Assert.All(baselines, b => Assert.Contains("\"hour_of_week\":{\"median_lookups\":[", b.ProfileJson, StringComparison.Ordinal));
        Assert.True(windows >= (ulong)baselines.Count, $"{windows} feature windows for {baselines.Count} baselines");
    }

    [Fact]
    public async Task Run_KilledMidStreamThenRestarted_SameAlertsAsOneRun_NoneDoubled()
    {
        await using var world = await LiveTestWorld.StartAsync(_run);
        var replayed = await world.ReplayAsync();

        using var kill = new CancellationTokenSource();
        using (var first = await world.LiveAsync())
        {
            var run = first.Runner.RunAsync(CancellationToken.None, kill.Token);
            // Killed once a checkpoint is in and about half the events are detected: some after it must be detected again.
            await KafkaTestBed.WaitForAsync(() => Task.FromResult(first.Runner.Stats.Checkpoints > 0 && first.Runner.Stats.Events >= world.Lines / 2), run);
            await kill.CancelAsync();
            await run.WaitAsync(KafkaTestBed.Patience);
            Assert.True(first.Runner.Stats.Events < world.Lines, "the first run must die mid-stream");
        }

        using var second = await world.LiveAsync();
        await RunUntilSettledAsync(world, second.Runner);
        var alerts = await world.Bed.Store.Alerts.ListAsync(new AlertQuery());

        Assert.True(second.Runner.Resumed);
        Assert.True(second.Runner.Stats.Events < world.Lines, "the restarted run must resume from the checkpoint, not from the start");
        Assert.Equal(0, await world.Bed.DuplicateKeysAsync());
        Assert.Equal(world.Lines, await world.Bed.CountAsync("gateway_events") + await world.Bed.CountAsync("app_events"));
        Assert.Equal(alerts.Count, alerts.Select(a => a.Id).Distinct().Count());
        Assert.Equal(replayed.Select(Decision).Order(StringComparer.Ordinal), alerts.Select(Decision).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Run_TuningStoredBeforeStart_AppliesFromTheFirstEvent()
    {
        await using var world = await LiveTestWorld.StartAsync(_run);
        var replayed = await world.ReplayAsync();
        var muted = replayed.Select(a => a.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).First();
        var suppression = new TuningRule { Id = "s1", Types = [muted], Reason = "known noise" };
        await world.Bed.Store.Tuning.SaveAsync(new TuningChange(new TuningDocument { Suppressions = [suppression] }, 0, "operator", "mute", "suppress"));

        using var live = await world.LiveAsync();
        await RunUntilSettledAsync(world, live.Runner);
        var alerts = await world.Bed.Store.Alerts.ListAsync(new AlertQuery());

        Assert.DoesNotContain(alerts, a => a.Type == muted);
        Assert.Equal(
            replayed.Where(a => a.Type != muted).Select(Decision).Order(StringComparer.Ordinal),
            alerts.Select(Decision).Order(StringComparer.Ordinal));
    }

    private static async Task RunUntilSettledAsync(LiveTestWorld world, LogSentinel.Detect.Live.LiveRunner runner)
    {
        using var stop = new CancellationTokenSource();
        var run = runner.RunAsync(stop.Token);
        try
        {
            await KafkaTestBed.WaitForAsync(() => world.IsSettledAsync(runner), run);
        }
        catch (OperationCanceledException)
        {
            var s = runner.Stats;
            var stored = await world.Bed.CountAsync("gateway_events") + await world.Bed.CountAsync("app_events");
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"not settled: fed {s.Events}, queued {s.Queued}, idle {s.IdleAdvances}, alerts {s.AlertChangesWritten}/{s.AlertChanges}, watermark {s.WatermarkMs}, stored {stored}/{world.Lines}, consumed {runner.IngestStats.Messages}, written {runner.IngestStats.LinesWritten}"));
        }

        await stop.CancelAsync();
        await run.WaitAsync(KafkaTestBed.Patience);
    }

    /// <summary>What an alert decided (evidence lists follow arrival order at equal timestamps, which partitions may change).</summary>
    private static string Seen(EntityBaselineRecord b) =>
        string.Create(CultureInfo.InvariantCulture, $"{b.EntityKind} {b.Entity} {b.OwnDays} {b.AsOf:O}");

    private static string Decision(AlertRecord a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Id} {a.Type} {a.EntityKind} {a.Entity} {a.WindowStart:O} {a.WindowEnd:O} {a.FirstSeen:O} {a.LastSeen:O} x{a.Occurrences} score {a.Score} at {a.DetectedAt:O}");
}
