using System.Net;
using System.Net.Http.Json;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Reports;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store.Reports;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>The report list is filtered, sorted and paged in the store; reports can be generated through the API (as <c>report</c> beside a running process).</summary>
public sealed class ReportPagingTests
{
    private static readonly DateTime Generated = new(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Search_PagesSortsAndFiltersInTheStore_NewestGenerationOnly()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        for (var day = 1; day <= 5; day++)
        {
            foreach (var lang in new[] { "vi", "en" })
            {
                // Generated in reverse day order, so sorting by generation differs from sorting by date.
                await store.Reports.SaveAsync(new StoredReport(new DateOnly(2024, 1, day), string.Empty, lang, Generated.AddHours(10 - day), "{}", "<p>old</p>"));
            }
        }

        // A newer generation of 3 January replaces the older one in every listing.
        await store.Reports.SaveAsync(new StoredReport(new DateOnly(2024, 1, 3), string.Empty, "vi", Generated.AddDays(1), "{}", "<p>newest</p>"));

        var first = await store.Reports.SearchAsync(new ReportSearch { Language = "vi", Limit = 2 });
        var second = await store.Reports.SearchAsync(new ReportSearch { Language = "vi", Limit = 2, Offset = 2 });
        var past = await store.Reports.SearchAsync(new ReportSearch { Language = "vi", Limit = 2, Offset = 10 });
        var byGeneration = await store.Reports.SearchAsync(new ReportSearch { Language = "vi", SortByGeneratedAt = true, Limit = 10 });
        var oldestFirst = await store.Reports.SearchAsync(new ReportSearch { First = new DateOnly(2024, 1, 2), Last = new DateOnly(2024, 1, 4), Descending = false, Limit = 10 });

        Assert.Equal(5L, first.Total);
        Assert.Equal([5, 4], first.Items.Select(r => r.Date.Day));
        Assert.Equal([3, 2], second.Items.Select(r => r.Date.Day));
        Assert.Equal((5L, 0), (past.Total, past.Items.Count));
        Assert.Equal([3, 1, 2, 4, 5], byGeneration.Items.Select(r => r.Date.Day));
        Assert.Equal(13, byGeneration.Items[0].HtmlBytes);
        Assert.Equal(6, oldestFirst.Total);
        Assert.Equal([(2, "en"), (2, "vi"), (3, "en"), (3, "vi"), (4, "en"), (4, "vi")], oldestFirst.Items.Select(r => (r.Date.Day, r.Language)));
    }

    [Fact]
    public async Task Generate_AsAdmin_StoresTheReport_ListsItPaged_AndIsAudited()
    {
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync());

        using var made = await server.PostAsync(Roles.Admin, "/api/reports", new GenerateReportRequest("2024-01-02", null, "en"));
        using var second = await server.PostAsync(Roles.Admin, "/api/reports", new GenerateReportRequest("2024-01-03", null, "en"));
        using var asLeader = await server.PostAsync(Roles.Leader, "/api/reports", new GenerateReportRequest("2024-01-04", null, "en"));
        using var badDate = await server.PostAsync(Roles.Admin, "/api/reports", new GenerateReportRequest("2 January", null, "en"));
        var page1 = await server.GetAsync<ListPage<ReportSummary>>(Roles.Leader, "/api/reports?page_size=1");
        var page2 = await server.GetAsync<ListPage<ReportSummary>>(Roles.Leader, "/api/reports?page_size=1&page=2");
        var trail = await server.GetAsync<ListPage<AuditView>>(Roles.Auditor, "/api/audit?action=report.generate");

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var generated = await made.Content.ReadFromJsonAsync<GeneratedReportView>(ApiServer.Json);
        Assert.Equal((new DateOnly(2024, 1, 2), "en"), (generated!.Report.Date, generated.Report.Lang));
        Assert.Contains("\"headline\"", generated.Json, StringComparison.Ordinal);
        Assert.Contains("<html", generated.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, asLeader.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal((2L, new DateOnly(2024, 1, 3)), (page1.Total, page1.Items.Single().Date));
        Assert.Equal(new DateOnly(2024, 1, 2), page2.Items.Single().Date);
        Assert.Equal(["report 2024-01-03 * en", "report 2024-01-02 * en"], trail.Items.Select(e => e.Target));
        Assert.All(trail.Items, e => Assert.Equal("admin-user", e.Actor));
    }
}
