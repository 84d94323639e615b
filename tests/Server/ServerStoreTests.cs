using System.Net;
using System.Text;
using LogSentinel.Store;
using LogSentinel.Store.Events;
using LogSentinel.Store.Schema;
using LogSentinel.Store.Transport;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Server;

/// <summary>The store over the server transport: the unmodified ClickHouse.Driver against the HTTP endpoint in front of the engine.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ServerStoreTests(EmbeddedEngineFixture engine) : IAsyncLifetime
{
    private readonly string _database = EmbeddedEngineFixture.NewDatabase();
    private ClickHouseHttpEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task Migrate_FreshDatabase_AppliesEveryMigrationOnce()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);

        var applied = await store.MigrateAsync();
        var again = await store.MigrateAsync();
        var recorded = await store.GetAppliedMigrationsAsync();

        Assert.Equal(Migrations.All.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Empty(again);
        Assert.Equal(Migrations.All.Select(m => m.Checksum), recorded.Select(m => m.Checksum));
        Assert.All(recorded, m => Assert.Equal(DateTimeKind.Utc, m.AppliedAt.Kind));
        Assert.Equal("server", store.Description.Transport);
    }

    [Fact]
    public async Task CheckRoundTrip_ThroughBulkCopy_EveryRowMatches()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);

        var result = await store.CheckRoundTripAsync(2_000);

        Assert.Equal(2_000, result.Written);
        Assert.Equal(2_000, result.ReadBack);
        Assert.Equal(2_000, result.Matching);
    }

    [Theory]
    [InlineData("O'Brien \\ \"quoted\" \\N \t tab")]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("Nguyễn Văn Ánh – 日本 – 🇻🇳")]
    [InlineData("")]
    public async Task Query_ParameterWithQuotesBackslashesUnicode_ComesBackIntact(string value)
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);
        var transport = ((LogStore)store).Transport;

        var result = await transport.QueryAsync(
            "SELECT {v:String} AS v, length({v:String}) AS bytes",
            new QueryParameters().Add("v", value),
            CancellationToken.None);

        Assert.Equal(value, result.Rows[0][0]);
        Assert.Equal((ulong)Encoding.UTF8.GetByteCount(value), result.Rows[0][1]);
        Assert.DoesNotContain(_endpoint.Statements, s => value.Length > 0 && s.Contains(value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_TypedParameters_BindByPlaceholderType()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);
        var at = new DateTime(2024, 3, 4, 1, 15, 0, 250, DateTimeKind.Utc);

        var result = await ((LogStore)store).Transport.QueryAsync(
            "SELECT {n:UInt64} AS n, {t:DateTime64(3, 'UTC')} AS t, {ip:IPv6} AS ip, {b:Bool} AS b, {u:UUID} AS u",
            new QueryParameters().Add("n", ulong.MaxValue).Add("t", at).Add("ip", IPAddress.Parse("2001:db8::1")).Add("b", true)
                .Add("u", Guid.Parse("0b1e5c6a-9d3f-4e2a-8c71-5f0d2e9b7a41")),
            CancellationToken.None);

        var row = result.Rows[0];
        Assert.Equal(ulong.MaxValue, row[0]);
        Assert.Equal(at, row[1]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)row[1]!).Kind);
        Assert.Equal(IPAddress.Parse("2001:db8::1"), row[2]);
        Assert.Equal(true, row[3]);
        Assert.Equal(Guid.Parse("0b1e5c6a-9d3f-4e2a-8c71-5f0d2e9b7a41"), row[4]);
    }

    [Fact]
    public async Task Query_DateTimeColumns_ComeBackAsUtcInstantsLikeTheEmbeddedEngine()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);
        const string Sql = "SELECT toDateTime64('2024-03-04 08:15:00.250', 3, 'Asia/Ho_Chi_Minh') AS zoned, toDateTime('2024-03-04 01:15:00', 'UTC') AS utc, "
            + "toDateTime64('2024-03-04 01:15:00.250', 3) AS plain, toDate('2024-03-04') AS day, CAST(NULL, 'Nullable(DateTime)') AS missing";

        var server = (await ((LogStore)store).Transport.QueryAsync(Sql, null, CancellationToken.None)).Rows[0];
        var embedded = (await engine.Transport.QueryAsync(Sql, null, CancellationToken.None)).Rows[0];

        Assert.Equal(new DateTime(2024, 3, 4, 1, 15, 0, 250, DateTimeKind.Utc), server[0]);
        Assert.Equal(new DateTime(2024, 3, 4, 1, 15, 0, DateTimeKind.Utc), server[1]);
        Assert.Equal(new DateTime(2024, 3, 4, 1, 15, 0, 250, DateTimeKind.Utc), server[2]);
        Assert.Equal(new DateOnly(2024, 3, 4), server[3]);
        Assert.Null(server[4]);
        Assert.Equal(embedded, server);
        Assert.All(server.Take(3), v => Assert.Equal(DateTimeKind.Utc, ((DateTime)v!).Kind));
    }

    [Fact]
    public async Task InsertGatewayEvents_50kRows_LandWithExactCountAndValues()
    {
        const int rows = 50_000;
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var batch = ServerTestEvents.Gateway(rows);

        var written = await store.InsertGatewayEventsAsync(batch);
        var back = await ((LogStore)store).Transport.QueryAsync(
            $"SELECT ts, event_key, client_ip, status, latency_ms, bytes_out, method, account, request_id, extra FROM {_database}.gateway_events ORDER BY event_key",
            null,
            CancellationToken.None);

        Assert.Equal(rows, written);
        Assert.Equal(rows, back.Rows.Count);
        for (var i = 0; i < rows; i++)
        {
            var row = back.Rows[i];
            Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(batch.TimestampMs[i]), row[0]);
            Assert.Equal((ulong)(i + 1), row[1]);
            Assert.Equal(batch.ClientIp[i], IpAddresses.FromIPAddress((IPAddress)row[2]!));
            Assert.Equal(batch.Status[i], row[3]);
            Assert.Equal(batch.LatencyMs[i], row[4]);
            Assert.Equal(batch.BytesOut[i], row[5]);
            Assert.Equal(batch.Method.GetString(i), row[6]);
            Assert.Equal(ServerTestEvents.Account(i), row[7]);
            Assert.Equal($"req-{i}", row[8]);
            Assert.Equal(batch.Extra.GetString(i), row[9]);
        }
    }

    [Fact]
    public async Task InsertAppEvents_NullableAndUnicodeFields_ReadBackAsWritten()
    {
        const int rows = 20_000;
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        var batch = ServerTestEvents.App(rows);

        var written = await store.InsertAppEventsAsync(batch);

        // Read through the engine directly, so the server transport's reader is not checking itself.
        var back = await engine.Transport.QueryAsync(
            $"SELECT event_key, ts, client_ip, account, event, id_delta, default_password, password_age_days, citizen_ref, session_id FROM {_database}.app_events ORDER BY event_key",
            null,
            CancellationToken.None);
        Assert.Equal(rows, written);
        Assert.Equal(rows, back.Rows.Count);
        for (var i = 0; i < rows; i++)
        {
            var row = back.Rows[i];
            Assert.Equal((ulong)(i + 1), row[0]);
            Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(batch.TimestampMs[i]), row[1]);
            Assert.Equal(batch.ClientIp[i], IpAddresses.FromIPAddress((IPAddress)row[2]!));
            Assert.Equal(ServerTestEvents.Account(i), row[3]);
            Assert.Equal(batch.Event.GetString(i), row[4]);
            Assert.Equal(batch.HasIdDelta[i] ? batch.IdDelta[i] : null, (long?)row[5]);
            Assert.Equal(batch.DefaultPassword[i] < 0 ? null : batch.DefaultPassword[i] == 1, (bool?)row[6]);
            Assert.Equal(batch.PasswordAgeDays[i] < 0 ? null : batch.PasswordAgeDays[i], (int?)row[7]);
            Assert.Equal(batch.CitizenRef.GetString(i), row[8]);
            Assert.Equal(batch.SessionId.GetString(i), row[9]);
        }
    }

    [Fact]
    public async Task GetTableRowCounts_AfterInserts_CountsEachTable()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        await store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(1_234));
        await store.InsertAppEventsAsync(ServerTestEvents.App(567));

        var counts = (await store.GetTableRowCountsAsync()).ToDictionary(c => c.Table, c => c.Rows);

        Assert.Equal(1_234UL, counts["gateway_events"]);
        Assert.Equal(567UL, counts["app_events"]);
        Assert.Equal((ulong)Migrations.All.Count, counts["schema_migrations"]);
        Assert.Equal(0UL, counts["dead_letters"]);
    }

    [Fact]
    public async Task RunOperatorQuery_WithoutFormat_AnswersTabSeparatedWithNamesInTheStoreDatabase()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        await store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(10));

        var output = Encoding.UTF8.GetString(await store.RunOperatorQueryAsync("SELECT count() AS n, max(event_key) AS last FROM gateway_events"));

        Assert.Equal("n\tlast\n10\t10\n", output);
    }

    [Fact]
    public async Task RunOperatorQuery_WithOwnFormat_AnswersInThatFormat()
    {
        await using var store = await ServerStores.OpenMigratedAsync(_endpoint.Port, _database);
        await store.InsertGatewayEventsAsync(ServerTestEvents.Gateway(3));

        var output = Encoding.UTF8.GetString(await store.RunOperatorQueryAsync(
            "SELECT event_key, status, account FROM gateway_events ORDER BY event_key FORMAT CSVWithNames"));

        Assert.Equal("\"event_key\",\"status\",\"account\"\n1,503,\"tp.vpdk.nguyenvana\"\n2,200,\"hn.mc.lêvăn_c\"\n3,200,\"hcm.thue.trần'thị\\b\"\n", output);
    }

    [Fact]
    public async Task GetEngineVersion_AnswersTheServersVersion()
    {
        await using var store = ServerStores.Open(_endpoint.Port, _database);

        var version = await store.GetEngineVersionAsync();

        Assert.Matches(@"^\d+\.\d+", version);
        Assert.Equal(version, (string)(await engine.Transport.QueryAsync("SELECT version()", null, CancellationToken.None)).Rows[0][0]!);
    }
}
