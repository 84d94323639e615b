using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Store;

namespace LogSentinel.Tests.Server;

/// <summary>First/last seen and hourly activity per entity over the server transport: the same views and queries through ClickHouse.Driver.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ServerEntityActivityTests(EmbeddedEngineFixture engine) : IAsyncLifetime
{
    private readonly string _database = EmbeddedEngineFixture.NewDatabase();
    private ClickHouseHttpEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task Views_EventsThroughTheDriver_SeenAndTimelinesAgreeWithTheEvents()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var world = ActivityWorld.Create(400);

        await world.InsertAsync(store);

        await EntityActivityAssert.AgreesWithEventsAsync(store, world);
    }
}
