using System.Globalization;
using System.Net;

namespace LogSentinel.Store.Server;

/// <summary>
/// Turns 502/503/504 answers into <see cref="ServerUnavailableException"/> before the driver sees them. The
/// driver reports every non-success status as the same server exception, with the code parsed from whatever
/// digits the body holds, so a proxy's "503 Service Unavailable" page would otherwise look like a statement error.
/// </summary>
internal sealed class GatewayStatusHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private const int MaxBodyChars = 2000;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
        {
            return response;
        }

        using (response)
        {
            // A compressed error body is not worth decoding here: status and code header say what matters.
            var body = response.Content.Headers.ContentEncoding.Count == 0
                ? (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim()
                : string.Empty;
            if (body.Length > MaxBodyChars)
            {
                body = body[..MaxBodyChars];
            }

            throw new ServerUnavailableException(response.StatusCode, response.ReasonPhrase, body, ExceptionCode(response));
        }
    }

    private static int? ExceptionCode(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-ClickHouse-Exception-Code", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
}
