using LogSentinel.Ingest.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LogSentinel.Cli.Telemetry;

/// <summary>Starts the configured metric exporters for LogSentinel's meters; disposing stops them (and flushes OTLP).</summary>
internal static class MetricsExport
{
    public static IDisposable? Start(TelemetryOptions options, string role, params string[] extraMeters)
    {
        if (options.PrometheusPort == 0 && options.OtlpEndpoint.Length == 0)
        {
            return null;
        }

        var builder = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService("logsentinel", serviceInstanceId: $"{role}-{Environment.MachineName}-{Environment.ProcessId}"))
            .AddMeter([IngestMetrics.MeterName, .. extraMeters]);
        if (options.PrometheusPort > 0)
        {
            builder.AddPrometheusHttpListener(o =>
            {
                o.Host = options.PrometheusHost;
                o.Port = options.PrometheusPort;
            });
        }

        if (options.OtlpEndpoint.Length > 0)
        {
            builder.AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(options.OtlpEndpoint);
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.OtlpExportIntervalSeconds * 1000;
            });
        }

        return builder.Build();
    }

    /// <summary>Exports the traces of <paramref name="sources"/> to the OTLP collector, when one is configured.</summary>
    public static IDisposable? StartTraces(TelemetryOptions options, string role, params string[] sources)
    {
        if (options.OtlpEndpoint.Length == 0)
        {
            return null;
        }

        return Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService("logsentinel", serviceInstanceId: $"{role}-{Environment.MachineName}-{Environment.ProcessId}"))
            .AddSource(sources)
            .AddOtlpExporter(exporter => exporter.Endpoint = new Uri(options.OtlpEndpoint))
            .Build();
    }
}
