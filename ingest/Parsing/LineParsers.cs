using LogSentinel.Ingest.Privacy;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Parsing;

/// <summary>Creates the parser of a configured (or detected) format.</summary>
public static class LineParsers
{
    /// <summary>The parser of a gateway format (<c>gateway-json</c> or <c>gateway-combined</c>).</summary>
    public static ILineParser<GatewayEventBatch> CreateGateway(LogFormat format, CitizenIdPseudonymizer pseudonymizer, ParserOptions? options = null) => format switch
    {
        LogFormat.GatewayJson => new GatewayJsonParser(pseudonymizer, options),
        LogFormat.GatewayCombined => new GatewayCombinedParser(pseudonymizer, options),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a gateway log format."),
    };

    /// <summary>The parser of <c>app-json</c>, pseudonymizing with <paramref name="pseudonymizer"/> (not owned).</summary>
    public static ILineParser<AppEventBatch> CreateApp(CitizenIdPseudonymizer pseudonymizer, ParserOptions? options = null) =>
        new AppJsonParser(pseudonymizer, options);
}
