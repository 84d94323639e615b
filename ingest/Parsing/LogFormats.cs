namespace LogSentinel.Ingest.Parsing;

/// <summary>The configuration names of <see cref="LogFormat"/> (<c>gateway-json</c>, <c>gateway-combined</c>, <c>app-json</c>).</summary>
public static class LogFormats
{
    /// <summary>The configuration name of <paramref name="format"/>.</summary>
    public static string ToName(LogFormat format) => format switch
    {
        LogFormat.GatewayJson => "gateway-json",
        LogFormat.GatewayCombined => "gateway-combined",
        LogFormat.AppJson => "app-json",
        LogFormat.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown log format."),
    };

    /// <summary>Parses a configuration name (case-insensitive). <c>auto</c> and unknown names give false.</summary>
    public static bool TryParse(string? name, out LogFormat format)
    {
        format = name?.Trim().ToUpperInvariant() switch
        {
            "GATEWAY-JSON" => LogFormat.GatewayJson,
            "GATEWAY-COMBINED" => LogFormat.GatewayCombined,
            "APP-JSON" => LogFormat.AppJson,
            _ => LogFormat.Unknown,
        };
        return format != LogFormat.Unknown;
    }

    /// <summary>Whether events of <paramref name="format"/> go to the gateway table (else the application table).</summary>
    public static bool IsGateway(LogFormat format) => format is LogFormat.GatewayJson or LogFormat.GatewayCombined;
}
