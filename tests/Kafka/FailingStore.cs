using LogSentinel.Store;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Kafka;

/// <summary>
/// A store whose event inserts fail, or stop the worker, at chosen calls: the outages and crashes of the Kafka tests.
/// Everything else goes straight to the real store.
/// </summary>
internal sealed class FailingStore(ILogStore inner) : DelegatingLogStore(inner)
{
    private int _inserts;

    /// <summary>Insert calls (1-based) that throw a <see cref="StoreException"/> without writing.</summary>
    public Func<int, bool> FailsCall { get; init; } = _ => false;

    /// <summary>Awaited after insert call N has written its rows, with the caller's token (to simulate a crash right after a write).</summary>
    public Func<int, CancellationToken, Task>? AfterInsert { get; init; }

    public int InsertCalls => Volatile.Read(ref _inserts);

    public override Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default) =>
        InsertAsync(token => Inner.InsertGatewayEventsAsync(batch, token), cancellationToken);

    public override Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default) =>
        InsertAsync(token => Inner.InsertAppEventsAsync(batch, token), cancellationToken);

    private async Task<long> InsertAsync(Func<CancellationToken, Task<long>> insert, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _inserts);
        if (FailsCall(call))
        {
            throw new StoreException($"Simulated store outage (insert call {call}).");
        }

        var rows = await insert(cancellationToken).ConfigureAwait(false);
        if (AfterInsert is not null)
        {
            await AfterInsert(call, cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }
}
