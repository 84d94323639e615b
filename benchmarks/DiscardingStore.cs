using LogSentinel.Store;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;
using LogSentinel.Store.Reference;
using LogSentinel.Store.Schema;
using LogSentinel.Store.State;

namespace LogSentinel.Benchmarks;

/// <summary>A store that accepts event batches without writing them: the Kafka source's own ceiling (consume and parse).</summary>
internal sealed class DiscardingStore(ILogStore inner) : ILogStore
{
    public StoreDescription Description => inner.Description;

    public IReferenceStore Reference => inner.Reference;

    public IDeadLetterStore DeadLetters => inner.DeadLetters;

    public IStateStore State => inner.State;

    public LogSentinel.Store.Alerts.IAlertStore Alerts => inner.Alerts;

    public Task<string> GetEngineVersionAsync(CancellationToken cancellationToken = default) => inner.GetEngineVersionAsync(cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);

    public Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default) => inner.GetAppliedMigrationsAsync(cancellationToken);

    public Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default) => Task.FromResult((long)batch.Count);

    public Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default) => Task.FromResult((long)batch.Count);

    public Task<IReadOnlySet<ulong>> FindStoredEventKeysAsync(
        EventTable table, long fromUnixMs, long toUnixMs, IReadOnlyCollection<ulong> keys, CancellationToken cancellationToken = default) =>
        inner.FindStoredEventKeysAsync(table, fromUnixMs, toUnixMs, keys, cancellationToken);

    public Task<IReadOnlyList<TableRowCount>> GetTableRowCountsAsync(CancellationToken cancellationToken = default) => inner.GetTableRowCountsAsync(cancellationToken);

    public Task<RoundTripResult> CheckRoundTripAsync(int rows, CancellationToken cancellationToken = default) => inner.CheckRoundTripAsync(rows, cancellationToken);

    public Task<byte[]> RunOperatorQueryAsync(string sql, CancellationToken cancellationToken = default) => inner.RunOperatorQueryAsync(sql, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
