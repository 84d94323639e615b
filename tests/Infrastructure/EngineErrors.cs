using LogSentinel.Store;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>Turns the embedded engine's failures back into the answer a ClickHouse server gives over HTTP.</summary>
internal static class EngineErrors
{
    private const string Prefix = "ClickHouse: ";
    private const string StatementSuffix = " (statement: ";
    private const string ExceptionMarker = "DB::Exception: ";

    public static EndpointException ToEndpoint(StoreException failure)
    {
        // The store wraps the engine's own text as "ClickHouse: <text> (statement: ...)"; a server sends <text>.
        var text = failure.Message;
        if (text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            text = text[Prefix.Length..];
        }

        var suffix = text.LastIndexOf(StatementSuffix, StringComparison.Ordinal);
        if (suffix > 0)
        {
            text = text[..suffix];
        }

        var marker = text.IndexOf(ExceptionMarker, StringComparison.Ordinal);
        var message = marker >= 0 ? text[(marker + ExceptionMarker.Length)..] : text;
        var code = failure.Code ?? 1001;
        return new EndpointException(code, StatusFor(code), message);
    }

    /// <summary>The HTTP status ClickHouse's HTTP handler gives an exception code.</summary>
    public static int StatusFor(int code) => code switch
    {
        516 or 192 or 193 or 194 or 195 or 497 => 403,
        6 or 27 or 33 or 36 or 43 or 46 or 47 or 53 or 62 or 72 => 400,
        60 or 81 or 16 => 404,
        48 => 501,
        _ => 500,
    };
}
