using System.Net;
using System.Net.Sockets;
using LogSentinel.Store;
using LogSentinel.Store.RowBinary;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Server;

/// <summary>How the server transport fails: ClickHouse's codes, retries on transient failures only, and no partial inserts.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ServerFailureTests(EmbeddedEngineFixture engine) : IAsyncLifetime
{
    private readonly string _database = EmbeddedEngineFixture.NewDatabase();
    private ClickHouseHttpEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task Query_SyntaxError_Code62WithClickHousesMessageAndNoRetry()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database, s => s.MaxRetries = 4);
        var before = _endpoint.RequestCount;

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.RunOperatorQueryAsync("SELEC count() FROM gateway_events"));

        Assert.Equal(62, failure.Code);
        Assert.Contains("Syntax error", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SYNTAX_ERROR", failure.Message, StringComparison.Ordinal);
        Assert.Single(_endpoint.Statements, s => s.StartsWith("SELEC ", StringComparison.Ordinal));

        // CREATE DATABASE, USE and the failing statement, each sent once.
        Assert.Equal(before + 3, _endpoint.RequestCount);
    }

    [Fact]
    public async Task Query_UnknownTable_Code60()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.RunOperatorQueryAsync("SELECT count() FROM no_such_table"));

        Assert.Equal(60, failure.Code);
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
        Assert.Single(_endpoint.Statements, s => s.Contains("no_such_table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnyStatement_ServerUnreachable_OneClearErrorNamingHostAndPortAfterRetries()
    {
        var port = ClosedPort();
        await using var store = ServerStores.Open(port, _database, s => s.MaxRetries = 3);

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.GetEngineVersionAsync());

        Assert.Null(failure.Code);
        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tried 4 times", failure.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task Insert_ServerUnreachable_RetriedBecauseNothingWasSent()
    {
        var port = ClosedPort();
        await using var store = ServerStores.Open(port, _database, s => s.MaxRetries = 2);

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(10)));

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("tried 3 times", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ServiceUnavailableTwice_RetriedAndSucceeds()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database, s => s.MaxRetries = 3);
        _endpoint.FailNextRequests(2, 503);
        var before = _endpoint.RequestCount;

        var version = await store.GetEngineVersionAsync();

        Assert.False(string.IsNullOrEmpty(version));
        Assert.Equal(before + 3, _endpoint.RequestCount);
    }

    [Fact]
    public async Task Query_ServiceUnavailableBeyondRetries_ReportsTheStatus()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database, s => s.MaxRetries = 1);
        _endpoint.FailNextRequests(5, 503);

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.GetEngineVersionAsync());

        Assert.Contains("HTTP 503", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{_endpoint.Port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("tried 2 times", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_ServiceUnavailableOnce_RetriedAndWritesEachRowOnce()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);

        // The first insert lets the driver learn the table's columns, so the failure hits the upload itself.
        await store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(10));
        _endpoint.FailNextRequests(1, 503);
        var before = _endpoint.RequestCount;

        var written = await store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(1_000));

        Assert.Equal(1_000, written);
        Assert.Equal(before + 2, _endpoint.RequestCount);
        Assert.Equal(1_010UL, await CountAsync("gateway_events"));
    }

    [Fact]
    public async Task Insert_BadGateway_NotRetriedSinceTheRowsMayHaveBeenWritten()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        await store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(10));
        _endpoint.FailNextRequests(1, 502);
        var before = _endpoint.RequestCount;

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(10)));

        Assert.Contains("HTTP 502", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before + 1, _endpoint.RequestCount);
    }

    [Fact]
    public async Task InsertStatement_BadGateway_NotRetried()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        _endpoint.FailNextRequests(1, 502);
        var before = _endpoint.RequestCount;

        await Assert.ThrowsAsync<StoreException>(() => ((LogStore)store).Transport.ExecuteAsync(
            $"INSERT INTO {_database}.dead_letters (source, format, position, reason, detail, raw) VALUES ('t', 'csv', '1', 'r', 'd', 'x')",
            null,
            CancellationToken.None));

        Assert.Equal(before + 1, _endpoint.RequestCount);
        Assert.Equal(0UL, await CountAsync("dead_letters"));
    }

    [Fact]
    public async Task SelectStatement_BadGatewayOnce_Retried()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);
        _endpoint.FailNextRequests(1, 502);

        Assert.False(string.IsNullOrEmpty(await store.GetEngineVersionAsync()));
    }

    [Fact]
    public async Task AnyStatement_WrongPassword_ClearAuthenticationErrorWithoutRetry()
    {
        await using var guarded = await ClickHouseHttpEndpoint.StartAsync(engine, password: "s3cret");
        await using var store = ServerStores.Open(guarded.Port, _database, s =>
        {
            s.User = "logsentinel";
            s.Password = "wrong";
            s.MaxRetries = 4;
        });

        var failure = await Assert.ThrowsAsync<StoreException>(() => store.GetEngineVersionAsync());

        Assert.Equal(516, failure.Code);
        Assert.Contains("refused the credentials of user 'logsentinel'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("AUTHENTICATION_FAILED", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, guarded.RequestCount);
    }

    [Fact]
    public async Task AnyStatement_RightPassword_Accepted()
    {
        await using var guarded = await ClickHouseHttpEndpoint.StartAsync(engine, password: "s3cret");
        await using var store = ServerStores.Open(guarded.Port, _database, s => s.Password = "s3cret");

        Assert.False(string.IsNullOrEmpty(await store.GetEngineVersionAsync()));
    }

    [Fact]
    public async Task Insert_RowFailsToSerialiseMidBatch_NoRowOfTheBatchIsWritten()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var transport = ((LogStore)store).Transport;

        // 30,000 good rows stream out before row 30,000 turns out not to fit UInt16; the upload is abandoned.
        var rows = new FailingRows($"{_database}.gateway_events", ServerTestEvents.Gateway(40_000), failAt: 30_000);
        var failure = await Assert.ThrowsAsync<StoreException>(() => transport.InsertAsync(rows, CancellationToken.None));

        Assert.Null(failure.Code);
        Assert.Equal(0UL, await CountAsync("gateway_events"));
    }

    [Fact]
    public async Task Insert_UnknownTable_Code60AndNothingWritten()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var transport = ((LogStore)store).Transport;
        var rows = new FailingRows($"{_database}.no_such_table", ServerTestEvents.Gateway(10), failAt: int.MaxValue);

        var failure = await Assert.ThrowsAsync<StoreException>(() => transport.InsertAsync(rows, CancellationToken.None));

        Assert.Equal(60, failure.Code);
    }

    private async Task<ulong> CountAsync(string table)
    {
        var result = await engine.Transport.QueryAsync($"SELECT count() FROM {_database}.{table}", null, CancellationToken.None);
        return (ulong)result.Rows[0][0]!;
    }

    /// <summary>A port on 127.0.0.1 nothing listens on: bound once to get a free number, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Gateway rows whose status at <c>failAt</c> is a value UInt16 cannot hold.</summary>
    private sealed class FailingRows(string table, LogSentinel.Store.Events.GatewayEventBatch batch, int failAt) : IRowSource
    {
        private readonly LogSentinel.Store.Events.GatewayEventRows _rows = new(table, batch);

        public string Table => table;

        public IReadOnlyList<string> Columns => _rows.Columns;

        public int Count => _rows.Count;

        public void WriteRowBinary(RowBinaryWriter writer) => throw new NotSupportedException();

        public IEnumerable<object?[]> ToValues()
        {
            var i = 0;
            foreach (var row in _rows.ToValues())
            {
                if (i++ == failAt)
                {
                    row[6] = "not a status";
                }

                yield return row;
            }
        }
    }
}
