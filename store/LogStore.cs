using System.Globalization;
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
using LogSentinel.Store.Transport;
using LogSentinel.Store.Tuning;
using LogSentinel.Store.Users;

namespace LogSentinel.Store;

/// <summary>The store over either transport.</summary>
internal sealed class LogStore : ILogStore
{
    private readonly IClickHouseTransport _transport;
    private readonly string _database;
    private readonly int _retentionDays;

    public LogStore(IClickHouseTransport transport, string database, int retentionDays, TimeProvider time)
    {
        if (!SqlIdentifier.IsValid(database))
        {
            throw new StoreException($"'{database}' is not a valid database name (letters, digits and _ only, not starting with a digit).");
        }

        _transport = transport;
        _database = database;
        _retentionDays = retentionDays;
        Description = new StoreDescription(transport.Kind, transport.Location, database);
        Reference = new ReferenceStore(transport, database, time);
        DeadLetters = new DeadLetterStore(transport, database);
        State = new StateStore(transport, database, time);
        Alerts = new AlertStore(transport, database);
        Reports = new ReportStore(transport, database);
        Audit = new AuditStore(transport, database);
        Users = new UserStore(transport, database);
        Activity = new ActivityStore(transport, database);
        Tuning = new TuningStore(transport, database, time);
        StoredEvents = new StoredEventReader(transport, database);
        Baselines = new BaselineStore(transport, database);
        Models = new ModelStore(transport, database);
    }

    public StoreDescription Description { get; }

    public IReferenceStore Reference { get; }

    public IDeadLetterStore DeadLetters { get; }

    public IAlertStore Alerts { get; }

    public IStateStore State { get; }

    public IReportStore Reports { get; }

    public IAuditStore Audit { get; }

    public IUserStore Users { get; }

    public IActivityStore Activity { get; }

    public ITuningStore Tuning { get; }

    public IStoredEventReader StoredEvents { get; }

    public IBaselineStore Baselines { get; }

    public IModelStore Models { get; }

    internal IClickHouseTransport Transport => _transport;

    public async Task<string> GetEngineVersionAsync(CancellationToken cancellationToken = default)
    {
        var result = await _transport.QueryAsync("SELECT version() AS version", null, cancellationToken).ConfigureAwait(false);
        return (string)result.Rows[0][0]!;
    }

    public Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken = default) =>
        new Migrator(_transport, _database, _retentionDays).MigrateAsync(cancellationToken);

    // SYNC: the embedded engine frees the tables' files before the migrations create them again.
    public Task DropDatabaseAsync(CancellationToken cancellationToken = default) =>
        _transport.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} SYNC", null, cancellationToken);

    public async Task<IReadOnlyList<AppliedMigration>> GetAppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        var applied = await new Migrator(_transport, _database, _retentionDays).ReadAppliedAsync(cancellationToken).ConfigureAwait(false);
        return [.. applied.Values.OrderBy(m => m.Version)];
    }

    public Task<long> InsertGatewayEventsAsync(GatewayEventBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _transport.InsertAsync(new GatewayEventRows($"{_database}.gateway_events", batch), cancellationToken);
    }

    public Task<long> InsertAppEventsAsync(AppEventBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return _transport.InsertAsync(new AppEventRows($"{_database}.app_events", batch), cancellationToken);
    }

    public async Task<IReadOnlySet<ulong>> FindStoredEventKeysAsync(
        EventTable table, long fromUnixMs, long toUnixMs, IReadOnlyCollection<ulong> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new HashSet<ulong>();
        }

        var name = table == EventTable.Gateway ? "gateway_events" : "app_events";
        var result = await _transport.QueryAsync(
            $"SELECT DISTINCT event_key FROM {_database}.{name} WHERE ts BETWEEN fromUnixTimestamp64Milli({{from:Int64}}, 'UTC') AND fromUnixTimestamp64Milli({{to:Int64}}, 'UTC') AND has({{keys:Array(UInt64)}}, event_key)",
            new QueryParameters()
                .Add("from", fromUnixMs)
                .Add("to", toUnixMs)
                .Add("keys", keys.ToArray()),
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Select(r => (ulong)r[0]!).ToHashSet();
    }

    public async Task<IReadOnlyList<TableRowCount>> GetTableRowCountsAsync(CancellationToken cancellationToken = default)
    {
        // total_rows is exact for MergeTree tables; AggregatingMergeTree rows are pre-merge groups, which is what an operator wants to see.
        var result = await _transport.QueryAsync(
            "SELECT name, toUInt64(ifNull(total_rows, 0)) AS rows FROM system.tables WHERE database = {db:String} AND engine NOT IN ('MaterializedView', 'View') ORDER BY name",
            new QueryParameters().Add("db", _database),
            cancellationToken).ConfigureAwait(false);
        var counts = new List<TableRowCount>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            counts.Add(new TableRowCount((string)row[0]!, Convert.ToUInt64(row[1], CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    public async Task<RoundTripResult> CheckRoundTripAsync(int rows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        var scratch = $"{_database}.store_check_{Guid.NewGuid():N}";
        await _transport.ExecuteAsync($"DROP TABLE IF EXISTS {scratch}", null, cancellationToken).ConfigureAwait(false);
        await _transport.ExecuteAsync(
            $"CREATE TABLE {scratch} AS {_database}.gateway_events ENGINE = MergeTree ORDER BY (account, ts)", null, cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = RoundTripSample.Create(rows);
            var written = await _transport.InsertAsync(new GatewayEventRows(scratch, batch), cancellationToken).ConfigureAwait(false);
            var back = await _transport.QueryAsync(
                $"SELECT ts, event_key, client_ip, status, account, request_id FROM {scratch} ORDER BY event_key",
                null,
                cancellationToken).ConfigureAwait(false);
            var matching = RoundTripSample.CountMatching(batch, back);
            return new RoundTripResult((int)written, back.Rows.Count, matching);
        }
        finally
        {
            await _transport.ExecuteAsync($"DROP TABLE IF EXISTS {scratch}", null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async Task<byte[]> RunOperatorQueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);

        // Operators write table names without the database, as in clickhouse-client.
        await _transport.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {_database}", null, cancellationToken).ConfigureAwait(false);
        await _transport.ExecuteAsync($"USE {_database}", null, cancellationToken).ConfigureAwait(false);
        return await _transport.QueryFormattedAsync(sql, "TSVWithNames", cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
