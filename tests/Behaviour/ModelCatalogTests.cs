using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Model;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Models;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Behaviour;

/// <summary>Models, windows, baselines and verdicts through the real store.</summary>
public sealed class ModelCatalogTests
{
    private static readonly DateTime Day0 = new(2024, 1, 7, 17, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Train_FromStoredWindows_StartsInShadow_PromoteMakesItTheOne_NextPromotionRetiresIt()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.Models.AddWindowsAsync(Windows(SyntheticWindows.Normal(600, 1)));
        var catalog = new ModelCatalog(store, TimeProvider.System);

        var (first, summary) = await catalog.TrainAsync(null, null, new PcaTrainingOptions(), CancellationToken.None);
        var shadowOnly = await catalog.LoadForDetectionAsync(CancellationToken.None);
        var (second, _) = await catalog.TrainAsync(null, null, new PcaTrainingOptions(), CancellationToken.None);
        await catalog.PromoteAsync(first.ModelId, CancellationToken.None);
        var afterFirst = await catalog.LoadForDetectionAsync(CancellationToken.None);
        await catalog.PromoteAsync(second.ModelId, CancellationToken.None);
        var listed = await store.Models.ListAsync();

        Assert.Equal(1u, first.ModelId);
        Assert.Equal(ModelStatuses.Shadow, first.Status);
        Assert.Equal(600, summary.Windows);
        Assert.Null(shadowOnly.Promoted);
        Assert.Equal([1u], shadowOnly.Shadow.Select(m => m.Id));
        Assert.Equal(1u, afterFirst.Promoted!.Id);
        Assert.Equal([2u], afterFirst.Shadow.Select(m => m.Id));
        Assert.Equal([ModelStatuses.Retired, ModelStatuses.Promoted], listed.Select(m => m.Status));
        // Same windows, same seed: the same parameters.
        Assert.Equal(listed[0].ParametersJson, listed[1].ParametersJson);
    }

    [Fact]
    public async Task Promote_UnknownModel_SaysHowToListThem()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new ModelCatalog(store, TimeProvider.System).PromoteAsync(9, CancellationToken.None));

        Assert.Contains("no model 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrainIfDue_NoModel_Trains_ThenWaitsForTheSchedule()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.Models.AddWindowsAsync(Windows(SyntheticWindows.Normal(400, 2)));
        var catalog = new ModelCatalog(store, TimeProvider.System);
        var options = new ModelOptions();

        var trained = await catalog.RetrainIfDueAsync(options, CancellationToken.None);
        var again = await catalog.RetrainIfDueAsync(options, CancellationToken.None);
        var off = await new ModelCatalog(store, TimeProvider.System).RetrainIfDueAsync(new ModelOptions { RetrainEvery = TimeSpan.Zero }, CancellationToken.None);

        Assert.NotNull(trained);
        Assert.Equal(ModelStatuses.Shadow, trained.Status);
        Assert.Null(again);
        Assert.Null(off);
    }

    [Fact]
    public async Task Windows_WrittenTwice_ReadOnce_InTimeOrder()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var windows = Windows(SyntheticWindows.Normal(30, 3));

        await store.Models.AddWindowsAsync(windows);
        await store.Models.AddWindowsAsync(windows);
        var back = await store.Models.ReadWindowsAsync(null, null);

        Assert.Equal(30, back.Count);
        Assert.Equal(windows.OrderBy(w => w.WindowStart).ThenBy(w => w.Entity).Select(w => w.Features), back.Select(w => w.Features));
    }

    [Fact]
    public async Task Baselines_NewestWriteOfAnEntityWins()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.Baselines.UpsertAsync([new EntityBaselineRecord("account", "a1", "HCM-CCT-Q1", "officer/CCT", 3, Day0, "{\"v\":1}")]);
        await store.Baselines.UpsertAsync([new EntityBaselineRecord("account", "a1", "HCM-CCT-Q1", "officer/CCT", 4, Day0.AddDays(1), "{\"v\":2}")]);

        var one = await store.Baselines.GetAsync("account", "a1");
        var all = await store.Baselines.ListAsync("account");

        Assert.Equal(4u, one!.OwnDays);
        Assert.Equal("{\"v\":2}", Assert.Single(all).ProfileJson);
        Assert.Null(await store.Baselines.GetAsync("ip", "a1"));
    }

    [Fact]
    public async Task Feedback_ClosedVersionWrittenToTheAlertStore_BecomesAVerdict()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var officers = BehaviourTraffic.Steady(12, 20, 20);
        for (var d = 15; d < 20; d++)
        {
            officers[0].Daily[d] = 80;
        }

        var (alerts, _) = BehaviourTraffic.Run(officers);
        var alert = alerts.Single(a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == "account");
        var open = AlertRecords.ToRecord(alert, 1, DateTimeOffset.UtcNow);
        await store.Alerts.UpsertAsync([open]);
        await store.Alerts.UpsertAsync([open with { State = "closed", Disposition = "benign", Version = 2 }]);

        var verdicts = FeedbackSet.FromAlerts(await store.Alerts.ListAsync(new AlertQuery()), new FeedbackOptions());

        var entry = Assert.Single(verdicts.Entries);
        Assert.Equal(alert.Id, entry.AlertId);
        Assert.Equal("benign", entry.Disposition);
        Assert.NotNull(verdicts.Find(AlertTypes.UnusualVolume, alert.Entity, alert.LastSeenMs + 86_400_000));
        Assert.Null(verdicts.Find(AlertTypes.UnusualVolume, alert.Entity, alert.LastSeenMs + (31L * 86_400_000)));
        Assert.Null(verdicts.Find(AlertTypes.OffHours, alert.Entity, alert.LastSeenMs));
    }

    private static List<ModelWindowRecord> Windows(List<float[]> features) =>
        [.. features.Select((f, i) => new ModelWindowRecord("account", $"a{i % 25:D2}", Day0.AddDays(i / 25), f))];
}
