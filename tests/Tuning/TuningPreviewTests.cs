using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Tuning;
using LogSentinel.Tests.Detect;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Tuning;

/// <summary>
/// The preview replays stored events through fresh engines; its counts must equal what a real replay of the files
/// raises with the same tuning stored beforehand, for the current and for the proposed document.
/// </summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class TuningPreviewTests
{
    [Fact]
    public async Task Preview_CountsByType_EqualRealReplaysWithEachDocument()
    {
        using var run = SimulatedRun.Create(days: 4, accounts: 80, "brute_force,scripted_bulk_lookup,weak_credentials,many_accounts_one_source", seed: 3);
        var proposed = new TuningDocument
        {
            Thresholds = [new ThresholdOverride("BruteForce:IpFailures", "1000"), new ThresholdOverride("BruteForce:AccountFailures", "1000")],
            Suppressions = [TuningEvents.Rule("s1", AlertTypes.WeakCredentials)],
        };
        var (currentDatabase, _, currentAlerts) = await DetectionReplay.RunAsync(run);
        var proposedDatabase = SharedEngine.NewDatabase("det");
        await using (var tuned = await SharedEngine.OpenMigratedAsync(proposedDatabase))
        {
            await tuned.Tuning.SaveAsync(new TuningChange(proposed, 0, "lan", "preview check", "set"));
        }

        var (_, replayOutput, proposedAlerts) = await DetectionReplay.RunAsync(run, proposedDatabase);
        await using var store = StoreFactory.Open(SharedEngine.Options(currentDatabase));
        var reference = new ReferenceData(
            await store.Reference.GetAccountsAsync(), await store.Reference.GetNetworksAsync(), await store.Reference.GetDelegationsAsync());
        var preview = await new TuningPreview(store, TimeProvider.System).RunAsync(new DetectionOptions(), proposed, days: 30, reference, null, CancellationToken.None);

        Assert.Equal(ByType(currentAlerts), preview.Current.AlertsByType);
        Assert.Equal(ByType(proposedAlerts), preview.Proposed.AlertsByType);
        Assert.Contains(AlertTypes.BruteForce, preview.Current.AlertsByType.Keys);
        Assert.DoesNotContain(AlertTypes.BruteForce, preview.Proposed.AlertsByType.Keys);
        Assert.True(preview.Proposed.SuppressedByType[AlertTypes.WeakCredentials] > 0);
        Assert.Contains("Suppressed (tuning)", replayOutput, StringComparison.Ordinal);
        Assert.Equal((ulong)(run.GatewayLines.Length + run.AppLines.Length), (ulong)preview.Events);
    }

    private static SortedDictionary<string, int> ByType(IReadOnlyList<AlertRecord> alerts) =>
        new(alerts.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);
}
