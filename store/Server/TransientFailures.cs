using System.Net.Http;
using System.Net.Sockets;
using ClickHouse.Driver;

namespace LogSentinel.Store.Server;

/// <summary>
/// Which failures of a request to a ClickHouse server are worth another attempt.
/// <para>
/// Transient, retried for every statement:
/// <list type="bullet">
/// <item>no connection could be made: refused, reset or aborted while connecting, host or network unreachable, a temporary DNS failure (<c>TryAgain</c>);</item>
/// <item>HTTP 503 (Service Unavailable) from the server or a proxy;</item>
/// <item>ClickHouse codes that report overload or a briefly unavailable cluster, raised before the statement did anything:
/// 202 TOO_MANY_SIMULTANEOUS_QUERIES, 242 TABLE_IS_READ_ONLY (a replica lost its Keeper session), 252 TOO_MANY_PARTS (inserts outpace merges),
/// 285 TOO_FEW_LIVE_REPLICAS, 439 CANNOT_SCHEDULE_TASK (thread pool exhausted).</item>
/// </list>
/// Transient too, but retried only for statements that may safely run twice (everything except INSERT): the
/// connection lost after the request was sent (reset, response ended early, I/O error reading the answer), a
/// timeout (connect or query: the HTTP client does not say which), HTTP 502 and 504, and the codes 203 NO_FREE_CONNECTION, 209 SOCKET_TIMEOUT,
/// 210 NETWORK_ERROR, 225 NO_ZOOKEEPER, 279 ALL_CONNECTION_TRIES_FAILED, 999 KEEPER_EXCEPTION. After those the
/// server may already have written an insert, and a retry would write its rows twice; the caller, which still
/// holds the batch, decides.
/// </para>
/// <para>
/// Never retried: errors of the statement itself (62 SYNTAX_ERROR, 60 UNKNOWN_TABLE, 81 UNKNOWN_DATABASE, 47, 53, ...),
/// authentication and access (516, 192-194, 497), 159 TIMEOUT_EXCEEDED (the statement hit its own
/// max_execution_time; running it again repeats the work and the timeout on a server that is likely busy),
/// 241 MEMORY_LIMIT_EXCEEDED (usually the statement's own size), 319 UNKNOWN_STATUS_OF_INSERT, 394 QUERY_WAS_CANCELLED,
/// TLS failures, an unknown host name, rows the driver cannot serialise, and anything not listed.
/// </para>
/// </summary>
internal static class TransientFailures
{
    private static readonly HashSet<int> NotStartedCodes = [202, 242, 252, 285, 439];

    private static readonly HashSet<int> MaybeStartedCodes = [203, 209, 210, 225, 279, 999];

    /// <param name="failure">What the attempt threw.</param>
    /// <param name="idempotent">False for inserts: only failures that prove nothing was written are retried.</param>
    /// <param name="cancellationToken">The caller's token; its cancellation is never retried.</param>
    public static bool ShouldRetry(Exception failure, bool idempotent, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return failure switch
        {
            ServerUnavailableException unavailable => unavailable.Code is { } code
                ? NotStartedCodes.Contains(code) || (idempotent && MaybeStartedCodes.Contains(code))
                : unavailable.Status == System.Net.HttpStatusCode.ServiceUnavailable || idempotent,
            ClickHouseServerException server => NotStartedCodes.Contains(server.ErrorCode) || (idempotent && MaybeStartedCodes.Contains(server.ErrorCode)),
            HttpRequestException http => IsConnectFailure(http) || (idempotent && IsLostConnection(http)),
            OperationCanceledException => idempotent,
            IOException => idempotent,
            _ => false,
        };
    }

    /// <summary>No connection was established, so the server has not seen the request.</summary>
    internal static bool IsConnectFailure(HttpRequestException failure) =>
        failure.HttpRequestError == HttpRequestError.ConnectionError
        || Socket(failure) is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
            or SocketError.HostDown or SocketError.NetworkDown or SocketError.TryAgain;

    private static bool IsLostConnection(HttpRequestException failure) =>
        failure.HttpRequestError == HttpRequestError.ResponseEnded
        || Socket(failure) is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.TimedOut or SocketError.Shutdown
        || failure.InnerException is IOException;

    internal static SocketError? Socket(Exception failure)
    {
        for (var inner = failure.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
