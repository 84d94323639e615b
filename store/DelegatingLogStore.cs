using LogSentinel.Store.Activity;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Audit;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;
using LogSentinel.Store.Models;
using LogSentinel.Store.Reference;
using LogSentinel.Store.Reports;
using LogSentinel.Store.Schema;
using LogSentinel.Store.State;
using LogSentinel.Store.StoredEvents;
using LogSentinel.Store.Tuning;
using LogSentinel.Store.Users;

namespace LogSentinel.Store;

/// <summary>
/// A store that passes everything to another one; override what a decorator changes (failure injection in tests,
/// a store that discards writes in benchmarks). It does not own <see cref="Inner"/>: disposing it leaves the inner
/// store open for its owner.
/// </summary>
public abstract class DelegatingLogStore(ILogStore inner) : ILogStore
{
    protected ILogStore Inner { get; } = inner;

    public virtual StoreDescription Description => Inner.Description;

    public virtual IReferenceStore Reference => Inner.Reference;

    public virtual IDeadLetterStore DeadLetters => Inner.DeadLetters;

    public virtual IStateStore State => Inner.State;

    public virtual IAlertStore Alerts => Inner.Alerts;

    public virtual IReportStore Reports => Inner.Reports;

    public virtual IAuditStore Audit => Inner.Audit;

    public virtual IUserStore Users => Inner.Users;

    public virtual IActivityStore Activity => Inner.Activity;

    public virtual ITuningStore Tuning => Inner.Tuning;

    public virtual IStoredEventReader StoredEvents => Inner.StoredEvents;

    public virtual IBaselineStore Baselines => Inner.Baselines;

    public virtual IModelStore Models => Inner.Models;

    public virtual Task<string> GetEngineVersionAsync(CancellationToken cancellationToken = default) => Inner.GetEngineVersionAsync(cancellationToken);

    public virtual Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default) => Inner.MigrateAsync(cancellationToken);

    public virtual Task DropDatabaseAsync(CancellationToken cancellationToken = default) => Inner.DropDatabaseAsync(cancellationToken);

    public virtual Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default) =>
        Inner.GetAppliedMigrationsAsync(cancellationToken);

    public virtual Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default) =>
        Inner.InsertGatewayEventsAsync(batch, cancellationToken);

    public virtual Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default) =>
        Inner.InsertAppEventsAsync(batch, cancellationToken);

    public virtual Task<IReadOnlySet<ulong>> FindStoredEventKeysAsync(
        EventTable table, long fromUnixMs, long toUnixMs, IReadOnlyCollection<ulong> keys, CancellationToken cancellationToken = default) =>
        Inner.FindStoredEventKeysAsync(table, fromUnixMs, toUnixMs, keys, cancellationToken);

    public virtual Task<IReadOnlyList<TableRowCount>> GetTableRowCountsAsync(CancellationToken cancellationToken = default) =>
        Inner.GetTableRowCountsAsync(cancellationToken);

    public virtual Task<RoundTripResult> CheckRoundTripAsync(int rows, CancellationToken cancellationToken = default) =>
        Inner.CheckRoundTripAsync(rows, cancellationToken);

    public virtual Task<byte[]> RunOperatorQueryAsync(string sql, CancellationToken cancellationToken = default) =>
        Inner.RunOperatorQueryAsync(sql, cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
