using LogSentinel.Store.Tuning;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Tuning;

/// <summary>The tuning document in the store: versions with who, when and why, append-only history, revert, optimistic writers.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class TuningStoreTests
{
    private static readonly TuningDocument Raised = new() { Thresholds = [new ThresholdOverride("BruteForce:IpFailures", "30")] };

    [Fact]
    public async Task GetCurrent_NothingStored_IsVersionZeroEmpty()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var current = await store.Tuning.GetCurrentAsync();

        Assert.Equal(0UL, current.Version);
        Assert.Empty(current.Document.Thresholds);
        Assert.Equal(0UL, await store.Tuning.GetCurrentVersionAsync());
    }

    [Fact]
    public async Task Save_TwoChanges_HistoryNewestFirstWithActorReasonAndWholeDocuments()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var suppressed = Raised with { Suppressions = [TuningEvents.Rule("s2", "off_hours", "account", "tp.a") with { Reason = "approved overtime" }] };

        await store.Tuning.SaveAsync(new TuningChange(Raised, 0, "lan", "too noisy", "set BruteForce:IpFailures=30"));
        await store.Tuning.SaveAsync(new TuningChange(suppressed, 1, "minh", "overtime", "suppress s2"));
        var history = await store.Tuning.GetHistoryAsync();

        Assert.Equal([2UL, 1UL], history.Select(v => v.Version));
        Assert.Equal(["minh", "lan"], history.Select(v => v.Actor));
        Assert.Equal("too noisy", history[1].Reason);
        Assert.Equal(1UL, history[0].BasedOn);
        Assert.Equal("approved overtime", Assert.Single(history[0].Document.Suppressions).Reason);
        Assert.Equal("30", Assert.Single(history[0].Document.Thresholds).Value);
        Assert.Equal(2UL, (await store.Tuning.GetCurrentAsync()).Version);
    }

    [Fact]
    public async Task Save_OnAStaleBase_IsRefusedAndStoresNothing()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.Tuning.SaveAsync(new TuningChange(Raised, 0, "lan", "first", "set"));

        var error = await Assert.ThrowsAsync<TuningConflictException>(() => store.Tuning.SaveAsync(new TuningChange(TuningDocument.Empty, 0, "minh", "second", "unset")));

        Assert.Equal(0UL, error.BasedOn);
        Assert.Equal(1UL, error.Current);
        Assert.Single(await store.Tuning.GetHistoryAsync());
    }

    [Fact]
    public async Task Save_RacingWritersOnTheSameBase_ExactlyOneWins()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var attempts = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.Tuning.SaveAsync(new TuningChange(Raised, 0, "writer" + i, "race", "set"));
                return true;
            }
            catch (TuningConflictException)
            {
                return false;
            }
        })).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        var only = Assert.Single(await store.Tuning.GetHistoryAsync());
        Assert.Equal("writer" + Array.IndexOf(results, true), only.Actor);
    }

    [Fact]
    public async Task Revert_StoresTheOldContentAsANewVersion_HistoryKeepsEverything()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        await store.Tuning.SaveAsync(new TuningChange(Raised, 0, "lan", "raise", "set"));
        await store.Tuning.SaveAsync(new TuningChange(Raised with { Thresholds = [new ThresholdOverride("BruteForce:IpFailures", "50")] }, 1, "lan", "raise more", "set"));

        var reverted = await store.Tuning.RevertAsync(1, 2, "minh", "50 missed a real attack");
        var history = await store.Tuning.GetHistoryAsync();

        Assert.Equal(3UL, reverted.Version);
        Assert.Equal(1UL, reverted.RevertedTo);
        Assert.Equal("30", Assert.Single((await store.Tuning.GetCurrentAsync()).Document.Thresholds).Value);
        Assert.Equal([3UL, 2UL, 1UL], history.Select(v => v.Version));
        Assert.Equal("revert to version 1", history[0].Change);
        await Assert.ThrowsAsync<TuningValidationException>(() => store.Tuning.RevertAsync(9, 3, "minh", "no such version"));
    }

    [Theory]
    [InlineData("10.0.0/8", "suppressions[0].network")]
    [InlineData(null, "suppressions[0].reason")]
    public async Task Save_InvalidDocument_NamesTheField(string? network, string field)
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var rule = TuningEvents.Rule("s1", "off_hours", network: network ?? "10.0.0.0/8") with { Reason = network is null ? string.Empty : "r" };

        var error = await Assert.ThrowsAsync<TuningValidationException>(() =>
            store.Tuning.SaveAsync(new TuningChange(new TuningDocument { Suppressions = [rule] }, 0, "lan", "why", "suppress")));

        Assert.Equal(field, error.Field);
        Assert.Empty(await store.Tuning.GetHistoryAsync());
    }

    [Fact]
    public async Task Save_WithoutReason_IsRefused()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var error = await Assert.ThrowsAsync<TuningValidationException>(() => store.Tuning.SaveAsync(new TuningChange(Raised, 0, "lan", " ", "set")));

        Assert.Equal("reason", error.Field);
    }
}
