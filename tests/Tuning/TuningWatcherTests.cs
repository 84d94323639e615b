using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Events;
using LogSentinel.Store.Tuning;
using LogSentinel.Tests.Infrastructure;
using static LogSentinel.Tests.Tuning.TuningEvents;

namespace LogSentinel.Tests.Tuning;

/// <summary>A change stored while an engine runs reaches that engine, between events, once the refresh interval has passed.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class TuningWatcherTests
{
    [Fact]
    public async Task ChangeStoredWhileRunning_AppliesToTheSameEngineAfterTheInterval()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var clock = new ManualClock();
        var engine = new DetectionEngine(new DetectionOptions(), TwoAgencies, clock);
        var watcher = new TuningWatcher(store.Tuning, engine, clock, new TuningOptions { RefreshInterval = TimeSpan.FromSeconds(30) });
        Assert.False(await watcher.RefreshAsync(CancellationToken.None));
        var first = new AppEventBatch();
        Burst(first, T0, "tp.victim", "10.0.0.9");
        Tick(first, T0 + (20 * 60_000));
        Feed(engine, first);

        await store.Tuning.SaveAsync(new TuningChange(
            Thresholds(("BruteForce:IpFailures", "40", null), ("BruteForce:AccountFailures", "40", null)), 0, "lan", "too noisy", "set"));
        var beforeInterval = await watcher.RefreshAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(31));
        var afterInterval = await watcher.RefreshAsync(CancellationToken.None);
        var second = new AppEventBatch();
        Burst(second, T0 + 3_600_000, "tn.victim", "10.0.1.9");
        Feed(engine, second);
        engine.Complete();
        var alerts = Drain(engine).BruteForce().ToList();

        Assert.False(beforeInterval);
        Assert.True(afterInterval);
        Assert.Equal(1UL, engine.Stats.TuningVersion);
        Assert.Contains(alerts, a => a.Entity == "tp.victim");
        Assert.DoesNotContain(alerts, a => a.Entity is "tn.victim" or "10.0.1.9");
    }

    [Fact]
    public async Task StoredVersionInvalidForThisConfiguration_EngineKeepsItsTuning_AndSaysWhy()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var clock = new ManualClock();
        await store.Tuning.SaveAsync(new TuningChange(Thresholds(("OffHours:MinLookups", "150", null)), 0, "lan", "quieter", "set"));
        // This process is configured with a warm-up minimum below the stored MinLookups, which Validate() refuses.
        var configured = new DetectionOptions();
        configured.OffHours.WarmupMinLookups = 120;
        var engine = new DetectionEngine(configured, ReferenceData.Empty, clock);
        var watcher = new TuningWatcher(store.Tuning, engine, clock, new TuningOptions());

        var changed = await watcher.RefreshAsync(CancellationToken.None);

        Assert.False(changed);
        Assert.Equal(0UL, engine.Tuning.Version);
        Assert.Contains("OffHours:WarmupMinLookups", watcher.LastError, StringComparison.Ordinal);
    }
}
