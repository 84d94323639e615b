using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Server;

/// <summary>The test endpoint itself, spoken to with plain HTTP the way other ClickHouse clients do.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ClickHouseHttpEndpointTests(EmbeddedEngineFixture engine) : IAsyncLifetime
{
    private readonly string _database = EmbeddedEngineFixture.NewDatabase();
    private static readonly HttpClient Http = new();
    private ClickHouseHttpEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        _endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);
        await engine.Transport.ExecuteAsync($"CREATE DATABASE {_database}", null, CancellationToken.None);
        await engine.Transport.ExecuteAsync($"CREATE TABLE {_database}.t (n UInt32, s String) ENGINE = MergeTree ORDER BY n", null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _endpoint.DisposeAsync();
    }

    [Fact]
    public async Task Post_QueryInUrlWithTextDataInBody_InsertsAndAnswersInDefaultFormat()
    {
        using var insert = await PostAsync($"query={Uri.EscapeDataString($"INSERT INTO {_database}.t FORMAT TSV")}", "1\ta\n2\tb\n");
        using var select = await PostAsync($"database={_database}&default_format=CSV", "SELECT n, s FROM t ORDER BY n");

        Assert.Equal(HttpStatusCode.OK, insert.StatusCode);
        Assert.Equal("1,\"a\"\n2,\"b\"\n", await select.Content.ReadAsStringAsync());
        Assert.Equal("CSV", select.Headers.GetValues("X-ClickHouse-Format").Single());
        Assert.NotEmpty(select.Headers.GetValues("X-ClickHouse-Summary").Single());
    }

    [Fact]
    public async Task Post_RowBinaryBodyEndingInsideARow_Code33AndNothingWritten()
    {
        // Row 1 whole (n=7, s="ab"), row 2 cut inside its string.
        byte[] data = [.. "INSERT INTO "u8, .. Encoding.ASCII.GetBytes(_database), .. ".t (n, s) FORMAT RowBinary\n"u8, 7, 0, 0, 0, 2, (byte)'a', (byte)'b', 8, 0, 0, 0, 5, (byte)'x'];
        using var content = new ByteArrayContent(data);
        using var response = await Http.PostAsync(new Uri($"http://127.0.0.1:{_endpoint.Port}/"), content);
        var count = await engine.Transport.QueryAsync($"SELECT count() FROM {_database}.t", null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("33", response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.StartsWith("Code: 33. DB::Exception:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0UL, count.Rows[0][0]);
    }

    [Fact]
    public async Task Post_UnknownTable_Status404WithClickHouseErrorText()
    {
        using var response = await PostAsync(string.Empty, $"SELECT * FROM {_database}.missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("60", response.Headers.GetValues("X-ClickHouse-Exception-Code").Single());
        Assert.StartsWith("Code: 60. DB::Exception: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Ping_AnswersOk()
    {
        Assert.Equal("Ok.\n", await Http.GetStringAsync(new Uri($"http://127.0.0.1:{_endpoint.Port}/ping")));
    }

    private async Task<HttpResponseMessage> PostAsync(string query, string body)
    {
        using var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return await Http.PostAsync(new Uri($"http://127.0.0.1:{_endpoint.Port}/?{query}"), content);
    }
}
