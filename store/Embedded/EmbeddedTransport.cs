using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Embedded;

/// <summary>The ClickHouse engine in this process (chDB): no server, data in a local directory.</summary>
internal sealed class EmbeddedTransport : IClickHouseTransport
{
    private readonly ChdbConnection _connection;

    public EmbeddedTransport(string libraryPath, string dataPath)
    {
        _connection = ChdbEngine.Connect(libraryPath, dataPath);
    }

    public string Kind => "embedded";

    public string Location => _connection.DataPath;

    public string EngineVersion => _connection.EngineVersion;

    public Task ExecuteAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _connection.Query(sql, "TabSeparated", parameters, static _ => 0);
        return Task.CompletedTask;
    }

    public Task<ResultSet> QueryAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_connection.Query(sql, "RowBinaryWithNamesAndTypes", parameters, RowBinaryResultReader.Read));
    }

    public Task<byte[]> QueryFormattedAsync(string sql, string defaultFormat, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_connection.Query(sql, defaultFormat, null, static data => data.ToArray()));
    }

    public Task<long> InsertAsync(IRowSource rows, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(rows.Count == 0 ? 0L : _connection.StreamInsert(rows));
    }

    /// <summary>Runs a statement and returns its raw output in <paramref name="format"/> (used by the HTTP-compatible test endpoint).</summary>
    internal byte[] QueryRaw(string sql, string format, QueryParameters? parameters) =>
        _connection.Query(sql, format, parameters, static data => data.ToArray());

    public ValueTask DisposeAsync()
    {
        _connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
