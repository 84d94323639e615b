using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogSentinel.Cli.Telemetry;
using LogSentinel.Ingest.Telemetry;

namespace LogSentinel.Tests.Deploy;

/// <summary>The Prometheus queries of the dashboards name metrics the roles' scrape endpoint really serves.</summary>
public sealed partial class GrafanaPrometheusTests
{
    [Fact]
    public async Task Dashboards_EveryPrometheusMetricIsOneTheIngestEndpointServes()
    {
        var port = FreePort();
        using var export = MetricsExport.Start(new TelemetryOptions { PrometheusPort = port }, "test");
        using var metrics = new IngestMetrics();
        metrics.ConsumerLag(42);
        metrics.Lines(1);
        using var http = new HttpClient();
        var scrape = await http.GetStringAsync(new Uri($"http://localhost:{port}/metrics"));

        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DeployFiles.Root, "grafana", "dashboards"), "*.json"))
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var target in dashboard.RootElement.GetProperty("panels").EnumerateArray().SelectMany(p => p.GetProperty("targets").EnumerateArray()))
            {
                if (target.TryGetProperty("expr", out var expr))
                {
                    names.AddRange(MetricName().Matches(expr.GetString()!).Select(m => m.Value));
                }
            }
        }

        Assert.Contains("logsentinel_ingest_consumer_lag", names);
        Assert.All(names, name => Assert.Matches($@"(?m)^{name}(\{{|\s)", scrape));
        Assert.Matches(@"(?m)^logsentinel_ingest_consumer_lag(\{[^}]*\})? 42", scrape);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"logsentinel_[a-z_]+")]
    private static partial Regex MetricName();
}
