using System.Globalization;
using System.Net;
using LogSentinel.Store;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Store;

public sealed class EventInsertTests
{
    [Fact]
    public async Task InsertGatewayEvents_EveryColumnReadsBackAsWritten()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        var batch = SampleEvents.Gateway(3);

        var written = await store.InsertGatewayEventsAsync(batch);
        var back = await ((LogStore)store).Transport.QueryAsync(
            $"SELECT ts, event_key, source, client_ip, method, path, status, latency_ms, bytes_out, user_agent, account, agency, api, request_id, extra FROM {database}.gateway_events ORDER BY event_key",
            null,
            CancellationToken.None);

        Assert.Equal(3, written);
        var first = back.Rows[0];
        Assert.Equal(SampleEvents.Start.UtcDateTime, (DateTime)first[0]!);
        Assert.Equal(1UL, first[1]);
        Assert.Equal("test", first[2]);
        Assert.Equal(IPAddress.Parse("10.52.4.1").MapToIPv6(), first[3]);
        Assert.Equal("POST", first[4]);
        Assert.Equal("/api/dancu/v1/tra-cuu", first[5]);
        Assert.Equal((ushort)200, first[6]);
        Assert.Equal(84f, first[7]);
        Assert.Equal(1834UL, first[8]);
        Assert.Equal("Mozilla/5.0 (Windows NT 10.0; Win64; x64)", first[9]);
        Assert.Equal("tp.vpdk.user0", first[10]);
        Assert.Equal("BTH-VPDK-TUYPHONG", first[11]);
        Assert.Equal("dancu.tra-cuu-cong-dan", first[12]);
        Assert.Equal("req-0", first[13]);
        Assert.Equal(string.Empty, first[14]);
    }

    [Fact]
    public async Task InsertAppEvents_NullableFieldsStayNullWhenAbsent()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);

        await store.InsertAppEventsAsync(SampleEvents.Lookups(3));
        var back = await ((LogStore)store).Transport.QueryAsync(
            $"SELECT event_key, id_delta, default_password, password_age_days, citizen_province, citizen_ref FROM {database}.app_events ORDER BY event_key",
            null,
            CancellationToken.None);

        Assert.Equal(1L, back.Rows[0][1]);
        Assert.Null(back.Rows[1][1]);
        Assert.Null(back.Rows[0][2]);
        Assert.Null(back.Rows[0][3]);
        Assert.Equal("052", back.Rows[0][4]);
        Assert.Equal(20, ((string)back.Rows[0][5]!).Length);
    }

    [Fact]
    public async Task InsertLargeBatch_SpansManyStreamChunks_AllRowsLand()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        var batch = SampleEvents.Gateway(100_000);

        var written = await store.InsertGatewayEventsAsync(batch);

        Assert.Equal(100_000, written);
        Assert.Equal(100_000UL, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "gateway_events").Rows);
    }

    [Fact]
    public async Task Insert_FeedsTheMinuteRollupsPerAccountAddressAndAgency()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);

        // 480 events 250 ms apart span two minutes; 10 accounts, 50 citizens, every 10th request a 503.
        await store.InsertGatewayEventsAsync(SampleEvents.Gateway(480));
        await store.InsertAppEventsAsync(SampleEvents.Lookups(480));
        var transport = ((LogStore)store).Transport;
        var account = await transport.QueryAsync(
            $"SELECT sum(requests), sum(server_errors), sum(lookups), uniqMerge(distinct_citizens), uniqMerge(distinct_ips) FROM {database}.rollup_account_1m",
            null,
            CancellationToken.None);
        var agency = await transport.QueryAsync(
            $"SELECT sum(requests), uniqMerge(distinct_accounts), uniqMerge(distinct_ips), uniqMerge(distinct_citizens) FROM {database}.rollup_agency_1m",
            null,
            CancellationToken.None);
        var ip = await transport.QueryAsync(
            $"SELECT count(DISTINCT client_ip), sum(requests), sum(lookups) FROM {database}.rollup_ip_1m",
            null,
            CancellationToken.None);

        Assert.Equal([480UL, 48UL, 480UL, 50UL, 200UL], account.Rows[0].Select(v => Convert.ToUInt64(v, CultureInfo.InvariantCulture)));
        Assert.Equal([480UL, 10UL, 200UL, 50UL], agency.Rows[0].Select(v => Convert.ToUInt64(v, CultureInfo.InvariantCulture)));
        Assert.Equal([200UL, 480UL, 480UL], ip.Rows[0].Select(v => Convert.ToUInt64(v, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task CheckRoundTrip_WritesReadsAndDropsTheScratchTable()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();

        var result = await store.CheckRoundTripAsync(500);

        Assert.True(result.Succeeded, result.ToString());
        Assert.DoesNotContain(await store.GetTableRowCountsAsync(), c => c.Table.StartsWith("store_check", StringComparison.Ordinal));
    }
}
