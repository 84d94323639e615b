namespace LogSentinel.Ingest.Parsing;

/// <summary>The input formats of <c>spec/log-formats.md</c>.</summary>
public enum LogFormat
{
    /// <summary>Not known (detection found no majority).</summary>
    Unknown = 0,

    /// <summary><c>gateway-json</c>: gateway access log, one JSON object per line.</summary>
    GatewayJson,

    /// <summary><c>gateway-combined</c>: gateway access log in NGINX combined format, optionally with request time and id.</summary>
    GatewayCombined,

    /// <summary><c>app-json</c>: application log, one JSON object per line.</summary>
    AppJson,
}
