using System.Net.Http;
using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using ClickHouse.Driver.ADO.Parameters;
using LogSentinel.Store.Configuration;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;
using Polly;

namespace LogSentinel.Store.Server;

/// <summary>
/// A ClickHouse server over HTTP(S) through ClickHouse.Driver. Statements are sent as the store writes them
/// (fully qualified, parameters bound by the server), inserts go through the driver's binary bulk copy, and
/// transient failures are retried with exponential backoff and jitter (see <see cref="TransientFailures"/>).
/// </summary>
internal sealed class ServerTransport : IClickHouseTransport
{
    private readonly ServerStoreOptions _options;
    private readonly HttpClient _http;
    private readonly ClickHouseClient _client;
    private readonly ResiliencePipeline _retryIdempotent;
    private readonly ResiliencePipeline _retryInsert;
    private readonly string _server;

    // Sent as max_execution_time, so the server stops a statement the HTTP client has stopped waiting for.
    private readonly TimeSpan _queryTimeout;

    // Set by USE: HTTP has no connection state, so the database travels with each later request.
    private volatile string? _database;

    public ServerTransport(ServerStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _server = $"{options.Host}:{options.Port}";
        _queryTimeout = TimeSpan.FromSeconds(options.QueryTimeoutSeconds);
        Location = $"{(options.UseTls ? "https" : "http")}://{_server}";

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(options.ConnectTimeoutSeconds),

            // Below ClickHouse's keep_alive_timeout (10 s by default), so a pooled connection is not reused just as the server closes it.
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),

            // Re-resolve the host now and then: a server behind DNS fail-over moves.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // The driver decodes compressed answers itself.
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        _http = new HttpClient(new GatewayStatusHandler(handler), disposeHandler: true)
        {
            Timeout = _queryTimeout,
        };
        _client = new ClickHouseClient(new ClickHouseClientSettings
        {
            Host = options.Host,
            Port = checked((ushort)options.Port),
            Protocol = options.UseTls ? "https" : "http",
            Username = options.User,
            Password = options.Password,
            HttpClient = _http,
        });
        _retryIdempotent = ServerRetry.Create(options, idempotent: true);
        _retryInsert = ServerRetry.Create(options, idempotent: false);
    }

    public string Kind => "server";

    public string Location { get; }

    public async Task ExecuteAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken)
    {
        var use = SqlStatements.TryParseUse(sql, out var database);
        await RunAsync(
            sql,
            idempotent: !SqlStatements.IsInsert(sql),
            async ct => await _client.ExecuteNonQueryAsync(sql, ToDriver(parameters), Options(), ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);

        // The server checked that the database exists; from now on statements run in it.
        if (use)
        {
            _database = database;
        }
    }

    public Task<ResultSet> QueryAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken) =>
        RunAsync(
            sql,
            idempotent: !SqlStatements.IsInsert(sql),
            async ct =>
            {
                // Reading the rows is part of the attempt: a connection lost mid-result is retried as a whole.
                using var reader = await _client.ExecuteReaderAsync(sql, ToDriver(parameters), Options(), ct).ConfigureAwait(false);
                return await ServerResultReader.ReadAsync(reader, ct).ConfigureAwait(false);
            },
            cancellationToken);

    public Task<byte[]> QueryFormattedAsync(string sql, string defaultFormat, CancellationToken cancellationToken) =>
        RunAsync(
            sql,
            idempotent: !SqlStatements.IsInsert(sql),
            async ct =>
            {
                // default_format applies only when the statement has no FORMAT clause of its own, as in clickhouse-client.
                var options = new QueryOptions
                {
                    Database = _database,
                    MaxExecutionTime = _queryTimeout,
                    CustomSettings = new Dictionary<string, object> { ["default_format"] = defaultFormat },
                };
                using var result = await _client.ExecuteRawResultAsync(sql, options, ct).ConfigureAwait(false);
                return await result.ReadAsByteArrayAsync().ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<long> InsertAsync(IRowSource rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        // One request per batch: ClickHouse writes a request's rows as one block, so a failed insert leaves none of them.
        var options = new InsertOptions
        {
            Database = _database,
            MaxExecutionTime = _queryTimeout,
            BatchSize = rows.Count,
            MaxDegreeOfParallelism = 1,

            // The driver learns the column types from a probe query; once per table is enough, a failed probe is not kept.
            UseSchemaCache = true,
            CustomSettings = new Dictionary<string, object> { [InsertSettings.ParallelViews] = 1 },
        };
        return await RunAsync(
            $"INSERT INTO {rows.Table}",
            idempotent: false,
            async ct => await _client.InsertBinaryAsync(rows.Table, rows.Columns, ToObjects(rows.ToValues()), options, ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync()
    {
        // The client does not own an HttpClient it was given; the HttpClient owns the handler chain.
        _client.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<T> RunAsync<T>(string sql, bool idempotent, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await (idempotent ? _retryIdempotent : _retryInsert).ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    return await attempt(ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not StoreException && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw ServerErrors.From(failure, _server, _options.User, attempts, sql);
        }
    }

    private QueryOptions Options() => new() { Database = _database, MaxExecutionTime = _queryTimeout };

    private static ClickHouseParameterCollection? ToDriver(QueryParameters? parameters)
    {
        if (parameters is null || parameters.Values.Count == 0)
        {
            return null;
        }

        // The driver reads each placeholder's type from the SQL ({name:Type}) and formats the value for it.
        var collection = new ClickHouseParameterCollection();
        foreach (var (name, value) in parameters.Values)
        {
            collection.Add(new ClickHouseDbParameter { ParameterName = name, Value = value ?? DBNull.Value });
        }

        return collection;
    }

    // The driver's rows are object[] without nullable annotations; the arrays are passed through, not copied.
    private static IEnumerable<object[]> ToObjects(IEnumerable<object?[]> rows) => rows!;
}
