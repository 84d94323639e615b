using LogSentinel.Store.Configuration;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Server;

/// <summary>A ClickHouse server over HTTP(S) through ClickHouse.Driver.</summary>
internal sealed class ServerTransport : IClickHouseTransport
{
    public ServerTransport(ServerStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Location = $"{(options.UseTls ? "https" : "http")}://{options.Host}:{options.Port}";
    }

    public string Kind => "server";

    public string Location { get; }

    public Task ExecuteAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ResultSet> QueryAsync(string sql, QueryParameters? parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<byte[]> QueryFormattedAsync(string sql, string defaultFormat, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<long> InsertAsync(IRowSource rows, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
