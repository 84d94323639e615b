using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LogSentinel.QueryApi.Security;

/// <summary>Headers every response carries: no sniffing, no framing, no referrer, scripts and styles from this origin only.</summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>
    /// A stored report's HTML (and the console's frame that shows it): its own inline styles and embedded data: charts,
    /// nothing else (no scripts, no requests), and only this origin's console may frame it.
    /// </summary>
    public const string ReportContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    /// <summary>Relaxes the headers of one response for a report document; see <see cref="ReportContentSecurityPolicy"/>.</summary>
    public static void AllowReportDocument(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ReportContentSecurityPolicy;
        response.Headers.XFrameOptions = "SAMEORIGIN";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            // Evidence must not linger in shared caches or the browser's.
            headers.CacheControl = "no-store";
        }

        await next(context).ConfigureAwait(false);
    });
}
