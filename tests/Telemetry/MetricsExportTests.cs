using System.Net;
using System.Net.Sockets;
using LogSentinel.Cli.Telemetry;
using LogSentinel.Ingest.Telemetry;

namespace LogSentinel.Tests.Telemetry;

public sealed class MetricsExportTests
{
    [Fact]
    public async Task Prometheus_Enabled_ScrapeShowsIngestCountersByReason()
    {
        var port = FreePort();
        using var export = MetricsExport.Start(new TelemetryOptions { PrometheusPort = port }, "test");
        using var metrics = new IngestMetrics();

        metrics.Lines(7);
        metrics.DeadLetter("bad_timestamp");
        using var http = new HttpClient();
        var text = await http.GetStringAsync(new Uri($"http://localhost:{port}/metrics"));

        Assert.NotNull(export);
        Assert.Contains("logsentinel_ingest_lines_total", text, StringComparison.Ordinal);
        Assert.Contains("reason=\"bad_timestamp\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NothingConfigured_ExportsNothing()
    {
        Assert.Null(MetricsExport.Start(new TelemetryOptions(), "test"));
    }

    [Fact]
    public void Validate_BadOtlpEndpoint_NamesTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TelemetryOptions { OtlpEndpoint = "collector:4317 " }.Validate());

        Assert.Contains("Telemetry:OtlpEndpoint", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
