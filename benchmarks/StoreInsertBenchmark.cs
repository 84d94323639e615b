using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using LogSentinel.Store.Events;

namespace LogSentinel.Benchmarks;

/// <summary>
/// Bulk insert of gateway events into the embedded engine through the RowBinary stream-insert path, into the
/// real <c>gateway_events</c> table (its three rollup views and the entity views chained on them included), into
/// the table with the rollup views only (what migration 11's entity views add is the difference), and into a plain
/// copy without views.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class StoreInsertBenchmark
{
    private const int Rows = 200_000;
    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
        "Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0",
        "Apache-HttpClient/4.5.13 (Java/11.0.19)",
    ];

    private readonly GatewayEventBatch _batch = new(Rows);
    private ILogStore _store = null!;
    private string _dataDir = null!;

    [Params("gateway_events", "rollups_only", "plain_copy")]
    public string Target { get; set; } = "gateway_events";

    [GlobalSetup]
    public void Setup()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), $"logsentinel-bench-{Environment.ProcessId}");
        _store = StoreFactory.Open(new StoreOptions
        {
            Database = "bench_" + Target,
            Embedded = new EmbeddedStoreOptions { DataDir = _dataDir },
        });
        _store.MigrateAsync().GetAwaiter().GetResult();
        if (Target != "gateway_events")
        {
            // The entity views chained on the rollups (first/last seen, hourly activity).
            foreach (var kind in new[] { "account", "ip", "agency" })
            {
                _store.RunOperatorQueryAsync($"DROP VIEW IF EXISTS mv_entity_seen_{kind}").GetAwaiter().GetResult();
                _store.RunOperatorQueryAsync($"DROP VIEW IF EXISTS mv_entity_activity_1h_{kind}").GetAwaiter().GetResult();
            }
        }

        if (Target == "plain_copy")
        {
            // Same columns and order, no materialized views attached: the engine's insert cost alone.
            _store.RunOperatorQueryAsync("DROP VIEW IF EXISTS mv_rollup_account_gateway").GetAwaiter().GetResult();
            _store.RunOperatorQueryAsync("DROP VIEW IF EXISTS mv_rollup_ip_gateway").GetAwaiter().GetResult();
            _store.RunOperatorQueryAsync("DROP VIEW IF EXISTS mv_rollup_agency_gateway").GetAwaiter().GetResult();
        }

        FillRealisticBatch(_batch);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long InsertGatewayEvents() => _store.InsertGatewayEventsAsync(_batch).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dataDir, recursive: true);
    }

    /// <summary>A day of one province: 2,000 accounts over 120 agencies, a few user agents, addresses in registered ranges.</summary>
    internal static void FillRealisticBatch(GatewayEventBatch batch)
    {
        var random = new Random(42);
        var start = new DateTimeOffset(2024, 1, 15, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var accounts = Enumerable.Range(0, 2000).Select(i => Encoding.UTF8.GetBytes($"bth.agency{i % 120}.user{i:D4}")).ToArray();
        var agencies = Enumerable.Range(0, 120).Select(i => Encoding.UTF8.GetBytes($"BTH-AG{i:D3}")).ToArray();
        var agents = UserAgents.Select(Encoding.UTF8.GetBytes).ToArray();
        for (var i = 0; i < Rows; i++)
        {
            var account = random.Next(accounts.Length);
            batch.Add(new GatewayEventFields
            {
                TimestampMs = start + (i * 43L),
                EventKey = (ulong)random.NextInt64(),
                ClientIp = IpAddresses.FromIPAddress(new IPAddress([10, 52, (byte)(account % 120), (byte)random.Next(1, 255)])),
                Status = (ushort)(random.Next(100) < 97 ? 200 : 404),
                LatencyMs = (float)(20 + (random.NextDouble() * 200)),
                BytesOut = (ulong)random.Next(500, 4000),
                Source = "gateway"u8,
                Method = "POST"u8,
                Path = "/api/dancu/v1/tra-cuu"u8,
                UserAgent = agents[random.Next(agents.Length)],
                Account = accounts[account],
                Agency = agencies[account % 120],
                Api = "dancu.tra-cuu-cong-dan"u8,
                RequestId = Encoding.UTF8.GetBytes(random.NextInt64().ToString("x12", System.Globalization.CultureInfo.InvariantCulture)),
                Extra = ""u8,
            });
        }
    }
}
