namespace LogSentinel.Cli.Telemetry;

/// <summary>Where metrics go, bound from the <c>Telemetry</c> section. Both exporters are off by default.</summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Port of a Prometheus scrape endpoint (<c>http://host:port/metrics</c>); 0 (default) for none.</summary>
    public int PrometheusPort { get; set; }

    /// <summary>Host name the Prometheus endpoint listens on (default <c>localhost</c>; <c>*</c> for every interface).</summary>
    public string PrometheusHost { get; set; } = "localhost";

    /// <summary>OTLP collector endpoint, e.g. <c>http://otel-collector:4317</c>; empty (default) for none.</summary>
    public string OtlpEndpoint { get; set; } = string.Empty;

    /// <summary>Seconds between OTLP exports (default 15).</summary>
    public int OtlpExportIntervalSeconds { get; set; } = 15;

    public void Validate()
    {
        if (PrometheusPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"{SectionName}:PrometheusPort must be between 0 and 65535; it is {PrometheusPort}.");
        }

        if (OtlpEndpoint.Length > 0
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"{SectionName}:OtlpEndpoint '{OtlpEndpoint}' is not an http(s) URL such as http://otel-collector:4317.");
        }

        if (OtlpExportIntervalSeconds < 1)
        {
            throw new InvalidOperationException($"{SectionName}:OtlpExportIntervalSeconds must be at least 1; it is {OtlpExportIntervalSeconds}.");
        }
    }
}
