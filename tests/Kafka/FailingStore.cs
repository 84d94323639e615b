using LogSentinel.Store;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;
using LogSentinel.Store.Schema;
using LogSentinel.Store.State;

namespace LogSentinel.Tests.Kafka;

/// <summary>
/// A store whose event inserts fail, or stop the worker, at chosen calls: the outages and crashes of the Kafka tests.
/// Everything else goes straight to the real store.
/// </summary>
internal sealed class FailingStore(ILogStore inner) : ILogStore
{
    private int _inserts;

    /// <summary>Insert calls (1-based) that throw a <see cref="StoreException"/> without writing.</summary>
    public Func<int, bool> FailsCall { get; init; } = _ => false;

    /// <summary>Awaited after insert call N has written its rows, with the caller's token (to simulate a crash right after a write).</summary>
    public Func<int, CancellationToken, Task>? AfterInsert { get; init; }

    public int InsertCalls => Volatile.Read(ref _inserts);

    public StoreDescription Description => inner.Description;

    public IReferenceStore Reference => inner.Reference;

    public IDeadLetterStore DeadLetters => inner.DeadLetters;

    public IStateStore State => inner.State;

    public LogSentinel.Store.Alerts.IAlertStore Alerts => inner.Alerts;

    public Task<string> GetEngineVersionAsync(CancellationToken cancellationToken = default) => inner.GetEngineVersionAsync(cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default) => inner.GetAppliedMigrationsAsync(cancellationToken);

    public Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default) =>
        InsertAsync(token => inner.InsertGatewayEventsAsync(batch, token), cancellationToken);

    public Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default) =>
        InsertAsync(token => inner.InsertAppEventsAsync(batch, token), cancellationToken);

    public Task<IReadOnlySet<ulong>> FindStoredEventKeysAsync(
        EventTable table, long fromUnixMs, long toUnixMs, IReadOnlyCollection<ulong> keys, CancellationToken cancellationToken = default) =>
        inner.FindStoredEventKeysAsync(table, fromUnixMs, toUnixMs, keys, cancellationToken);

    public Task<IReadOnlyList<TableRowCount>> GetTableRowCountsAsync(CancellationToken cancellationToken = default) => inner.GetTableRowCountsAsync(cancellationToken);

    public Task<RoundTripResult> CheckRoundTripAsync(int rows, CancellationToken cancellationToken = default) => inner.CheckRoundTripAsync(rows, cancellationToken);

    public Task<byte[]> RunOperatorQueryAsync(string sql, CancellationToken cancellationToken = default) => inner.RunOperatorQueryAsync(sql, cancellationToken);

    /// <summary>The inner store stays open: the test owns it.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

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
