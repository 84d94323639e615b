using System.Diagnostics;
using System.Globalization;
using System.Text;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;

namespace LogSentinel.Benchmarks.QueryApi;

/// <summary>
/// Latency of the console's two heaviest reads over real HTTP against a filled embedded store: the alert queue
/// (mixed filters, sorts and deep pages) and an account's timeline (the alert page's chart: 7 days hourly with the
/// 7-day baseline). Requests run one at a time, as an analyst's browser makes them; percentiles per kind.
/// </summary>
internal static class ApiLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataDir = Arg(args, "--data-dir") ?? "./data";
        var requests = int.Parse(Arg(args, "--requests") ?? "300", CultureInfo.InvariantCulture);
        var options = new StoreOptions { Embedded = new EmbeddedStoreOptions { DataDir = dataDir }, Database = Arg(args, "--database") ?? "logsentinel" };
        await using var store = StoreFactory.Open(options);
        var migrating = Stopwatch.GetTimestamp();
        var migrated = await store.MigrateAsync();
        if (migrated.Count > 0)
        {
            // An older store is upgraded first; migration 11 backfills the entity tables from the rollups.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"migrated {string.Join(", ", migrated.Select(m => m.Version))} in {Stopwatch.GetElapsedTime(migrating).TotalSeconds:F1} s"));
        }

        var admin = LocalAdminToken.Create();
        await using var app = QueryApiHost.Build(new ApiOptions { Urls = "http://127.0.0.1:0", RateLimitPerMinute = 0 }, store, admin);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", admin.Key);

        var counts = Encoding.UTF8.GetString(await store.RunOperatorQueryAsync(
            "SELECT (SELECT count() FROM gateway_events) + (SELECT count() FROM app_events), (SELECT count() FROM alerts FINAL) FORMAT TSV")).Trim().Split('\t');
        var accounts = Encoding.UTF8.GetString(await store.RunOperatorQueryAsync(
            "SELECT DISTINCT entity FROM alerts WHERE entity_kind = 'account' LIMIT 500 FORMAT TSV")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var types = Encoding.UTF8.GetString(await store.RunOperatorQueryAsync("SELECT DISTINCT type FROM alerts FORMAT TSV")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var agencies = Encoding.UTF8.GetString(await store.RunOperatorQueryAsync("SELECT DISTINCT agency FROM alerts WHERE agency != '' LIMIT 50 FORMAT TSV")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Console.WriteLine($"store: {dataDir}, {long.Parse(counts[0], CultureInfo.InvariantCulture):N0} events, {long.Parse(counts[1], CultureInfo.InvariantCulture):N0} alerts; {requests} requests of each kind");

        var random = new Random(42);
        string AlertList(int i) => (i % 8) switch
        {
            0 => "/api/alerts",
            1 => $"/api/alerts?state=new&sort=score&order=desc",
            2 => $"/api/alerts?type={types[random.Next(types.Length)]}",
            3 => $"/api/alerts?severity=high&page={1 + random.Next(20)}",
            4 => $"/api/alerts?agency={Uri.EscapeDataString(agencies[random.Next(agencies.Length)])}",
            5 => $"/api/alerts?q={Uri.EscapeDataString(accounts[random.Next(accounts.Length)])}",
            6 => $"/api/alerts?entity_kind=account&entity={Uri.EscapeDataString(accounts[random.Next(accounts.Length)])}",
            _ => $"/api/alerts?page={1 + random.Next(1000)}&sort=first_seen&order=asc",
        };
        string Timeline(int i) => $"/api/entities/account/{Uri.EscapeDataString(accounts[random.Next(accounts.Length)])}/timeline?bucket=hour";

        await MeasureAsync(http, "warm-up", 20, i => i % 2 == 0 ? AlertList(i) : Timeline(i), print: false);
        await MeasureAsync(http, "alert list (GET /api/alerts, mixed filters/sorts/pages)", requests, AlertList, shape: i => AlertShapes[i % 8]);
        await MeasureAsync(http, "entity timeline (GET /api/entities/account/{name}/timeline, 7 days hourly + 7-day baseline)", requests, Timeline);
        await app.StopAsync();
        return 0;
    }

    private static readonly string[] AlertShapes =
    [
        "default order", "state=new by score", "by type", "severity=high pages 1-20", "by agency", "free text q=account", "one account's alerts",
        "pages up to 1,000 by first seen",
    ];

    private static async Task MeasureAsync(HttpClient http, string name, int count, Func<int, string> path, bool print = true, Func<int, string>? shape = null)
    {
        var times = new List<double>(count);
        var byShape = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path(i), UriKind.Relative));
            _ = await response.Content.ReadAsByteArrayAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (shape is not null)
            {
                var key = shape(i);
                if (!byShape.TryGetValue(key, out var list))
                {
                    byShape[key] = list = [];
                }

                list.Add(times[^1]);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path(i)}: {(int)response.StatusCode}");
            }
        }

        if (!print)
        {
            return;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: n={count} p50={P(times, 0.50):F1} ms p95={P(times, 0.95):F1} ms p99={P(times, 0.99):F1} ms max={times[^1]:F1} ms"));
        foreach (var (key, list) in byShape)
        {
            list.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}: n={list.Count} p50={P(list, 0.50):F1} ms max={list[^1]:F1} ms"));
        }
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
