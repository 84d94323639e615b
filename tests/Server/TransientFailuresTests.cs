using System.Net;
using System.Net.Sockets;
using ClickHouse.Driver;
using LogSentinel.Store.Server;

namespace LogSentinel.Tests.Server;

public sealed class TransientFailuresTests
{
    [Theory]
    [InlineData(202, true, true)]
    [InlineData(252, false, true)]
    [InlineData(242, false, true)]
    [InlineData(209, true, true)]
    [InlineData(209, false, false)]
    [InlineData(999, false, false)]
    [InlineData(159, true, false)]
    [InlineData(241, true, false)]
    [InlineData(62, true, false)]
    [InlineData(60, true, false)]
    [InlineData(516, true, false)]
    [InlineData(319, false, false)]
    public void ShouldRetry_ClickHouseCode_OnlyOverloadAndUnavailability(int code, bool idempotent, bool expected)
    {
        var failure = new ClickHouseServerException($"Code: {code}. DB::Exception: test", "SELECT 1", code);

        Assert.Equal(expected, TransientFailures.ShouldRetry(failure, idempotent, CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable, false, true)]
    [InlineData(HttpStatusCode.BadGateway, true, true)]
    [InlineData(HttpStatusCode.BadGateway, false, false)]
    [InlineData(HttpStatusCode.GatewayTimeout, false, false)]
    public void ShouldRetry_GatewayStatus_RetriesInsertsOnlyOn503(HttpStatusCode status, bool idempotent, bool expected)
    {
        var failure = new ServerUnavailableException(status, null, string.Empty, null);

        Assert.Equal(expected, TransientFailures.ShouldRetry(failure, idempotent, CancellationToken.None));
    }

    [Fact]
    public void ShouldRetry_ConnectionRefused_EvenForInserts()
    {
        var failure = new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(TransientFailures.ShouldRetry(failure, idempotent: false, CancellationToken.None));
    }

    [Fact]
    public void ShouldRetry_ConnectionResetAfterSending_OnlyForIdempotentStatements()
    {
        var failure = new HttpRequestException(HttpRequestError.ResponseEnded, "reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        Assert.True(TransientFailures.ShouldRetry(failure, idempotent: true, CancellationToken.None));
        Assert.False(TransientFailures.ShouldRetry(failure, idempotent: false, CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public void ShouldRetry_WrongHostOrTls_Never(HttpRequestError error)
    {
        var failure = new HttpRequestException(error, "configuration");

        Assert.False(TransientFailures.ShouldRetry(failure, idempotent: true, CancellationToken.None));
    }

    [Fact]
    public void ShouldRetry_HttpClientTimeout_OnlyForIdempotentStatements()
    {
        var failure = new TaskCanceledException("timeout", new TimeoutException());

        Assert.True(TransientFailures.ShouldRetry(failure, idempotent: true, CancellationToken.None));
        Assert.False(TransientFailures.ShouldRetry(failure, idempotent: false, CancellationToken.None));
    }

    [Fact]
    public void ShouldRetry_CallerCancelled_Never()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.False(TransientFailures.ShouldRetry(new OperationCanceledException(cancelled.Token), idempotent: true, cancelled.Token));
    }
}
