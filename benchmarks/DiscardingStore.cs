using LogSentinel.Store;
using LogSentinel.Store.Events;

namespace LogSentinel.Benchmarks;

/// <summary>A store that accepts event batches without writing them: the Kafka source's own ceiling (consume and parse).</summary>
internal sealed class DiscardingStore(ILogStore inner) : DelegatingLogStore(inner)
{
    public override Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default) => Task.FromResult((long)batch.Count);

    public override Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default) => Task.FromResult((long)batch.Count);
}
