using System.Text;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Server;

/// <summary>What a re-delivered batch relies on, over the server transport: array parameters of keys and ids.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ServerDeduplicationTests(EmbeddedEngineFixture engine) : IAsyncLifetime
{
    private readonly string _database = EmbeddedEngineFixture.NewDatabase();
    private ClickHouseHttpEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task FindStoredEventKeys_ReturnsOnlyTheStoredOnes()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var batch = SampleEvents.Gateway(10);
        await store.InsertGatewayEventsAsync(batch);
        var start = SampleEvents.Start.ToUnixTimeMilliseconds();

        var stored = await store.FindStoredEventKeysAsync(EventTable.Gateway, start, start + 10_000, [3UL, 7UL, 999UL]);

        Assert.Equal(new HashSet<ulong> { 3, 7 }, stored);
    }

    [Fact]
    public async Task DeadLetters_SkipStored_DoesNotStoreTheSameIdTwice()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var letter = new DeadLetter(Guid.NewGuid(), new DateTime(2024, 1, 15, 2, 0, 0, DateTimeKind.Utc), "a.log", "app-json", "line 1", "bad_timestamp", "ts", Encoding.UTF8.GetBytes("{}"), []);

        await store.DeadLetters.InsertAsync([letter]);
        await store.DeadLetters.InsertAsync([letter], skipStored: true);

        Assert.Single(await store.DeadLetters.ListAsync(new DeadLetterQuery()));
    }
}
