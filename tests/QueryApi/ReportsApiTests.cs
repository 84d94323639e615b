using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Reports;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store.Audit;

namespace LogSentinel.Tests.QueryApi;

/// <summary>A daily report generated for a simulated day and stored, read back over HTTP: the list, its figures and its HTML.</summary>
[Collection(ApiWorldCollectionDefinition.Name)]
public sealed class ReportsApiTests(ApiWorld world)
{
    private static string Day => ApiWorld.ReportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task List_AsLeader_ShowsTheStoredReport()
    {
        var stored = await world.ReportAsync();

        var page = await world.Server.GetAsync<ListPage<ReportSummary>>(Roles.Leader, "/api/reports?lang=vi&page_size=10");

        var item = Assert.Single(page.Items, r => r.Date == stored.Date && r.Agency.Length == 0 && r.Lang == "vi");
        Assert.Equal(stored.GeneratedAt, item.GeneratedAt.UtcDateTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromHours(7), item.GeneratedAt.Offset);
        Assert.True(item.HtmlBytes > 0);
        Assert.Equal(page.Items.Count, page.Total);
    }

    [Fact]
    public async Task List_OtherLanguageOrLaterDays_LeavesItOut()
    {
        await world.ReportAsync();

        var english = await world.Server.GetAsync<ListPage<ReportSummary>>(Roles.Leader, "/api/reports?lang=en");
        var later = await world.Server.GetAsync<ListPage<ReportSummary>>(Roles.Leader, $"/api/reports?from={ApiWorld.ReportDay.AddDays(1):yyyy-MM-dd}");

        Assert.DoesNotContain(english.Items, r => r.Date == ApiWorld.ReportDay && r.Lang == "vi");
        Assert.DoesNotContain(later.Items, r => r.Date == ApiWorld.ReportDay);
    }

    [Fact]
    public async Task Json_AsLeader_IsTheStoredFigures_AndTheReadIsAudited()
    {
        var stored = await world.ReportAsync();

        using var response = await world.Server.Client(Roles.Leader).GetAsync(new Uri($"/api/reports/{Day}?lang=vi", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(stored.Json), JsonNode.Parse(body)), body);
        var audit = await world.Server.Store.Audit.SearchAsync(new AuditSearch { Actor = "leader-user", Action = "report.read", Limit = 100 });
        Assert.Contains(audit.Items, e => e.Target == $"report {Day} * vi" && e.Detail == "json" && e.Role == Roles.Leader);
    }

    [Fact]
    public async Task Html_AsLeader_IsTheStoredPage_WithAPolicyForItsCharts()
    {
        var stored = await world.ReportAsync();

        using var response = await world.Server.Client(Roles.Leader).GetAsync(new Uri($"/api/reports/{Day}/html", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored.Html, body);
        Assert.Contains("data:image/png;base64,", body, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("img-src data:", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var audit = await world.Server.Store.Audit.SearchAsync(new AuditSearch { Actor = "leader-user", Action = "report.read", Limit = 100 });
        Assert.Contains(audit.Items, e => e.Target == $"report {Day} * vi" && e.Detail == "html");
    }

    [Theory]
    [InlineData("/api/reports")]
    [InlineData("/api/reports/{day}")]
    [InlineData("/api/reports/{day}/html")]
    public async Task Reports_AsAuditor_AreForbidden(string path)
    {
        await world.ReportAsync();

        using var response = await world.Server.Client(Roles.Auditor).GetAsync(new Uri(path.Replace("{day}", Day, StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Report_NeverGenerated_IsNotFoundAndSaysHowToMakeIt()
    {
        using var response = await world.Server.Client(Roles.Leader).GetAsync(new Uri("/api/reports/2023-06-01/html?lang=en", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("2023-06-01", body, StringComparison.Ordinal);
        Assert.Contains("logsentinel report", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/reports/02-01-2024", "date")]
    [InlineData("/api/reports/2024-01-02?lang=fr", "lang")]
    [InlineData("/api/reports?from=yesterday", "from")]
    [InlineData("/api/reports?sort=size", "sort")]
    public async Task BadParameter_IsNamedInTheProblem(string path, string parameter)
    {
        using var response = await world.Server.Client(Roles.Leader).GetAsync(new Uri(path, UriKind.Relative));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task ConsoleReportFrame_TakesTheReportPolicy_AndTheConsoleKeepsItsOwn()
    {
        using var frame = await world.Server.Client(null).GetAsync(new Uri("/console/report-frame.html", UriKind.Relative));
        using var console = await world.Server.Client(null).GetAsync(new Uri("/console/app.js", UriKind.Relative));

        Assert.Equal(SecurityHeaders.ReportContentSecurityPolicy, frame.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, console.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", console.Headers.GetValues("X-Frame-Options").Single());
    }
}
