using System.Net;
using System.Text;
using LogSentinel.QueryApi.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LogSentinel.Tests.QueryApi;

/// <summary>Every role (and no credentials) against every endpoint over real HTTP: allowed calls get through, the rest are refused.</summary>
[Collection(ApiWorldCollectionDefinition.Name)]
public sealed class AuthorizationMatrixTests(ApiWorld world)
{
    private const string Anonymous = "anonymous";

    private static readonly string[] Everyone = [Anonymous, .. Roles.All];
    private static readonly string[] SignedIn = [.. Roles.All];
    private static readonly string[] AlertReaders = [Roles.Analyst, Roles.Operator, Roles.Admin];
    private static readonly string[] Investigators = [Roles.Analyst, Roles.Admin];
    private static readonly string[] RiskReaders = [Roles.Analyst, Roles.Operator, Roles.Admin, Roles.Leader];
    private static readonly string[] ReferenceWriters = [Roles.Operator, Roles.Admin];
    private static readonly string[] AuditReaders = [Roles.Auditor, Roles.Admin];
    private static readonly string[] Admins = [Roles.Admin];
    private static readonly string[] TuningWriters = [Roles.Operator, Roles.Admin];
    private static readonly string[] ReportReaders = [Roles.Leader, Roles.Analyst, Roles.Admin];

    /// <summary>Method, route pattern, concrete path, body (invalid where the call would change data), and who may call it.</summary>
    private static readonly (string Method, string Pattern, string Path, string? Body, string[] Allowed)[] Matrix =
    [
        ("GET", "/api/health", "/api/health", null, Everyone),
        ("GET", "/api/ready", "/api/ready", null, Everyone),
        ("GET", "/health", "/health", null, Everyone),
        ("GET", "/ready", "/ready", null, Everyone),
        ("GET", "/api/me", "/api/me", null, SignedIn),
        ("GET", "/api/alerts/", "/api/alerts?page_size=5", null, AlertReaders),
        ("GET", "/api/alerts/{id:guid}", "/api/alerts/{id}", null, Investigators),
        ("GET", "/api/alerts/{id:guid}/events", "/api/alerts/{id}/events?page_size=5", null, Investigators),
        ("GET", "/api/alerts/{id:guid}/history", "/api/alerts/{id}/history", null, Investigators),
        ("POST", "/api/alerts/{id:guid}/transition", "/api/alerts/{id}/transition", """{"state":"bogus"}""", Investigators),
        ("POST", "/api/alerts/{id:guid}/assignee", "/api/alerts/{id}/assignee", $$"""{"assignee":"{{new string('x', 300)}}"}""", Investigators),
        ("POST", "/api/alerts/{id:guid}/notes", "/api/alerts/{id}/notes", """{"text":""}""", Investigators),
        ("POST", "/api/alerts/bulk", "/api/alerts/bulk", """{"ids":[],"action":"assign"}""", Investigators),
        ("GET", "/api/alerts/records", "/api/alerts/records?type=none", null, Investigators),
        ("GET", "/api/entities/top", "/api/entities/top?day=2024-01-03", null, RiskReaders),
        ("GET", "/api/entities/{kind}/{name}", "/api/entities/account/{account}", null, AlertReaders),
        ("GET", "/api/entities/{kind}/{name}/timeline", "/api/entities/account/{account}/timeline", null, AlertReaders),
        ("GET", "/api/entities/{kind}/{name}/events", "/api/entities/account/{account}/events?from=2024-01-02T00:00:00%2B07:00&to=2024-01-02T01:00:00%2B07:00", null, Investigators),
        ("GET", "/api/reference/versions", "/api/reference/versions", null, AlertReaders),
        ("POST", "/api/reference/{kind}", "/api/reference/accounts", "account,agency\n", ReferenceWriters),
        ("GET", "/api/audit/", "/api/audit?page_size=5", null, AuditReaders),
        ("POST", "/api/store/query", "/api/store/query", "SELECT 1", Admins),
        ("GET", "/api/tuning/", "/api/tuning", null, AlertReaders),
        ("GET", "/api/tuning/versions", "/api/tuning/versions", null, AlertReaders),
        ("GET", "/api/tuning/versions/{version}", "/api/tuning/versions/999", null, AlertReaders),
        ("POST", "/api/tuning/", "/api/tuning", """{"based_on":0}""", TuningWriters),
        ("POST", "/api/tuning/revert", "/api/tuning/revert", """{"version":999,"based_on":0,"reason":"test"}""", TuningWriters),
        ("GET", "/api/tuning/keys", "/api/tuning/keys", null, AlertReaders),
        ("POST", "/api/tuning/preview", "/api/tuning/preview", """{"days":0}""", TuningWriters),
        ("GET", "/api/reports/", "/api/reports", null, ReportReaders),
        ("POST", "/api/reports/", "/api/reports", """{"date":"someday"}""", Admins),
        ("GET", "/api/reports/{date}", "/api/reports/{report}", null, ReportReaders),
        ("GET", "/api/reports/{date}/html", "/api/reports/{report}/html", null, ReportReaders),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, Everyone),
        ("GET", "/", "/", null, Everyone),
        ("GET", "/console/{*path}", "/console/app.js", null, Everyone),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Matrix)
        {
            foreach (var role in Everyone)
            {
                data.Add($"{row.Method} {row.Pattern}", role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_ByRole_AllowedOrRefused(string endpoint, string role)
    {
        var row = Matrix.Single(r => $"{r.Method} {r.Pattern}" == endpoint);
        var alert = world.AccountAlert();
        var report = row.Path.Contains("{report}", StringComparison.Ordinal) ? await world.ReportAsync() : null;
        var path = row.Path.Replace("{id}", alert.Id.ToString("D"), StringComparison.Ordinal).Replace("{account}", alert.Entity, StringComparison.Ordinal)
            .Replace("{report}", report?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), new Uri(path, UriKind.Relative));
        if (row.Body is not null)
        {
            var type = row.Body.StartsWith('{') ? "application/json" : row.Pattern.Contains("reference", StringComparison.Ordinal) ? "text/csv" : "text/plain";
            request.Content = new StringContent(row.Body, Encoding.UTF8, type);
        }

        using var response = await world.Server.Client(role == Anonymous ? null : role).SendAsync(request);
        var status = response.StatusCode;
        if (row.Allowed.Contains(role))
        {
            Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500, $"{endpoint} as {role}: {(int)status} {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            Assert.Equal(role == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public void Matrix_CoversEveryEndpoint()
    {
        var endpoints = world.Server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var covered = Matrix.Select(r => $"{r.Method} {r.Pattern}").ToHashSet();

        Assert.Empty(endpoints.Except(covered));
    }

    [Fact]
    public async Task RevokedKey_IsRefused()
    {
        var (key, keyId) = ApiKeys.Create();
        await world.Server.Store.Users.AddAsync(new LogSentinel.Store.Users.ApiUser("leaving-analyst", Roles.Analyst, keyId, ApiKeys.Hash(key), DateTime.UtcNow, "test", null));
        using var client = new HttpClient { BaseAddress = world.Server.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using (var before = await client.GetAsync(new Uri("/api/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        Assert.True(await world.Server.Store.Users.RevokeAsync("leaving-analyst", DateTime.UtcNow));
        using var after = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task WrongSecretOfKnownKeyId_IsRefused()
    {
        var key = world.Server.Keys[Roles.Admin];
        using var client = new HttpClient { BaseAddress = world.Server.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key[..^4] + "AAAA");
        using var response = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var response = await world.Server.Client(Roles.Analyst).GetAsync(new Uri("/api/alerts", UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }
}
