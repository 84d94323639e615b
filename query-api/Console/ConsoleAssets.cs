using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace LogSentinel.QueryApi.Console;

/// <summary>
/// The analyst console: static HTML, CSS and JavaScript modules embedded in this assembly, served anonymously (they
/// hold no data; every call they make to /api carries the user's key).
/// </summary>
internal static class ConsoleAssets
{
    /// <summary>The empty page the console frames a report in; it takes the report's looser policy so the report's own styles apply.</summary>
    private const string ReportFrame = "report-frame.html";

    private static readonly Assembly Assembly = typeof(ConsoleAssets).Assembly;
    private static readonly ConcurrentDictionary<string, Asset?> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (HttpContext context) => Serve(context, "index.html")).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet("/console/{*path}", (string path, HttpContext context) => Serve(context, path)).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static IResult Serve(HttpContext context, string path)
    {
        var asset = Cache.GetOrAdd(path, Load);
        if (asset is null)
        {
            return Results.NotFound();
        }

        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (path == ReportFrame)
        {
            Security.SecurityHeaders.AllowReportDocument(context.Response);
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static Asset? Load(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal) || !ContentTypes.TryGetValue(Path.GetExtension(path), out var type))
        {
            return null;
        }

        using var stream = Assembly.GetManifestResourceStream($"console/{path}");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new Asset(bytes, type, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"").ToString());
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
