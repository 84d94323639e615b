using LogSentinel.Store.RowBinary;

namespace LogSentinel.Store.Transport;

/// <summary>
/// How statements reach ClickHouse: the embedded engine in this process (chDB) or a server over HTTP.
/// Both speak the same SQL; the store above never knows which it has.
/// </summary>
internal interface IClickHouseTransport : IAsyncDisposable
{
    /// <summary><c>embedded</c> or <c>server</c>.</summary>
    string Kind { get; }

    /// <summary>Where the data lives: a data directory or a server address.</summary>
    string Location { get; }

    Task ExecuteAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken);

    Task<ResultSet> QueryAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken);

    /// <summary>Runs a statement and returns its output as the engine formats it (the statement's FORMAT clause, else <paramref name="defaultFormat"/>).</summary>
    Task<byte[]> QueryFormattedAsync(string sql, string defaultFormat, CancellationToken cancellationToken);

    /// <summary>Bulk-inserts <paramref name="rows"/> into a table; returns the number of rows written.</summary>
    Task<long> InsertAsync(IRowSource rows, CancellationToken cancellationToken);
}
