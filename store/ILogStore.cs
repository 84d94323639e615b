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
/// LogSentinel's one way to its data. The same operations run on the embedded engine and on a ClickHouse
/// server; every SQL statement of the product lives behind this interface.
/// </summary>
public interface ILogStore : IAsyncDisposable
{
    /// <summary>Which transport, where, and which database.</summary>
    StoreDescription Description { get; }

    /// <summary>Accounts, networks and delegations, versioned.</summary>
    IReferenceStore Reference { get; }

    /// <summary>Lines that could not be ingested.</summary>
    IDeadLetterStore DeadLetters { get; }

    /// <summary>Alerts raised by detection, versioned, and their history.</summary>
    IAlertStore Alerts { get; }

    /// <summary>The figures of the daily report, and the reports generated.</summary>
    IReportStore Reports { get; }

    /// <summary>Named values that survive restarts (ingest progress, detector checkpoints).</summary>
    IStateStore State { get; }

    /// <summary>The append-only audit trail: who read or changed what.</summary>
    IAuditStore Audit { get; }

    /// <summary>API users and their hashed keys.</summary>
    IUserStore Users { get; }

    /// <summary>Entity activity from the rollups, raw events of a window, the riskiest entities of a period.</summary>
    IActivityStore Activity { get; }

    /// <summary>Detection tuning (thresholds, suppressions, allow-lists, calendar), versioned with who, when and why.</summary>
    ITuningStore Tuning { get; }

    /// <summary>Stored gateway and application events read back in event-time order, for detection over what is stored.</summary>
    IStoredEventReader StoredEvents { get; }

    /// <summary>Entities' expected activity (behavioural baselines), written by detection.</summary>
    IBaselineStore Baselines { get; }

    /// <summary>Versioned anomaly models, their training windows and shadow scores.</summary>
    IModelStore Models { get; }

    /// <summary>The ClickHouse version answering (<c>SELECT version()</c>).</summary>
    Task<string> GetEngineVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the database and applies pending schema migrations; returns those applied now.</summary>
    Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Drops this store's own database (every table of LogSentinel in it) and nothing else; <see cref="MigrateAsync"/>
    /// creates it again. For <c>demo --reset</c>.
    /// </summary>
    Task DropDatabaseAsync(CancellationToken cancellationToken = default);

    /// <summary>Every migration recorded in the database, oldest first.</summary>
    Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Bulk-inserts gateway events; returns the rows written.</summary>
    Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Bulk-inserts application events; returns the rows written.</summary>
    Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Which of <paramref name="keys"/> are already stored for events between the two times (inclusive): how a
    /// re-delivered batch drops what a previous attempt already wrote. Keys are seeded with the source name, so
    /// keys of different sources do not meet.
    /// </summary>
    Task<IReadOnlySet<ulong>> FindStoredEventKeysAsync(
        EventTable table, long fromUnixMs, long toUnixMs, IReadOnlyCollection<ulong> keys, CancellationToken cancellationToken = default);

    /// <summary>Rows in each table of the database (views excluded), by table name.</summary>
    Task<IReadOnlyList<TableRowCount>> GetTableRowCountsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes synthetic gateway events through the bulk-insert path into a scratch copy of the events table,
    /// reads them back, compares, and drops the copy.
    /// </summary>
    Task<RoundTripResult> CheckRoundTripAsync(int rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs an operator's statement and returns the output as the engine formats it: the statement's own FORMAT
    /// clause, else tab-separated with a header row.
    /// </summary>
    Task<byte[]> RunOperatorQueryAsync(string sql, CancellationToken cancellationToken = default);
}
