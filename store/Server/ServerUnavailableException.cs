using System.Net;

namespace LogSentinel.Store.Server;

/// <summary>
/// The server, or a proxy in front of it, answered 502, 503 or 504: it could not take the request now. Raised by
/// <see cref="GatewayStatusHandler"/> so the retry policy can tell these statuses from the statement's own errors.
/// </summary>
internal sealed class ServerUnavailableException(HttpStatusCode status, string? reason, string body, int? code)
    : Exception($"HTTP {(int)status} {reason}{(body.Length == 0 ? string.Empty : ": " + body)}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The X-ClickHouse-Exception-Code header, when ClickHouse itself gave the answer.</summary>
    public int? Code { get; } = code;

    /// <summary>The answer's body, possibly empty (proxies often send none).</summary>
    public string Body { get; } = body;
}
