using LogSentinel.Store.Events;
using LogSentinel.Store.Tuning;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Server;

namespace LogSentinel.Tests.Tuning;

/// <summary>The tuning store and the stored-event reader over the server transport (ClickHouse.Driver against the HTTP endpoint).</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class TuningServerTests(EmbeddedEngineFixture engine) : IAsyncLifetime
{
    private ClickHouseHttpEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task SaveStaleRevertHistory_OverTheServerTransport()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, EmbeddedEngineFixture.NewDatabase());
        var document = new TuningDocument
        {
            Thresholds = [new ThresholdOverride("BruteForce:IpFailures", "30", "so-tp")],
            AllowLists = [TuningEvents.Rule("a1", "unknown_source", network: "2001:db8::/32")],
            Calendar = new() { ExtraHolidays = [new DateOnly(2026, 12, 24)] },
        };

        await store.Tuning.SaveAsync(new TuningChange(document, 0, "lan", "quieter", "set"));
        await Assert.ThrowsAsync<TuningConflictException>(() => store.Tuning.SaveAsync(new TuningChange(TuningDocument.Empty, 0, "minh", "stale", "unset")));
        await store.Tuning.RevertAsync(0, 1, "minh", "back to defaults");
        var history = await store.Tuning.GetHistoryAsync();
        var first = await store.Tuning.GetVersionAsync(1);

        Assert.Equal([2UL, 1UL], history.Select(v => v.Version));
        Assert.Empty(history[0].Document.Thresholds);
        Assert.Equal(document.Thresholds, first!.Document.Thresholds);
        Assert.Equal("2001:db8::/32", Assert.Single(first.Document.AllowLists).Network);
        Assert.Equal(new DateOnly(2026, 12, 24), Assert.Single(first.Document.Calendar.ExtraHolidays));
    }

    [Fact]
    public async Task StoredEvents_ReadBackInTimeOrder_OverTheServerTransport()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, EmbeddedEngineFixture.NewDatabase());
        var written = new AppEventBatch();
        TuningEvents.Burst(written, TuningEvents.T0, "tp.victim", "10.0.0.9");
        await store.InsertAppEventsAsync(written);

        var range = await store.StoredEvents.GetEventTimeRangeAsync();
        var read = new AppEventBatch();
        var count = await store.StoredEvents.ReadAppAsync(TuningEvents.T0, TuningEvents.T0 + 3_600_000, read);

        Assert.Equal((TuningEvents.T0, TuningEvents.T0 + 290_000), range);
        Assert.Equal(30, count);
        Assert.Equal(written.TimestampMs.ToArray(), read.TimestampMs.ToArray());
        Assert.Equal("tp.victim"u8.ToArray(), read.Account[0].ToArray());
        Assert.Equal(written.ClientIp[0], read.ClientIp[0]);
        Assert.Equal(-1, read.PasswordAgeDays[0]);
        Assert.False(read.HasIdDelta[0]);
    }
}
