using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogSentinel.QueryApi.Alerts;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Entities;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;

namespace LogSentinel.Tests.QueryApi;

/// <summary>The analyst workflow, evidence and its audit trail over real HTTP against replayed alerts.</summary>
[Collection(ApiWorldCollectionDefinition.Name)]
public sealed partial class AlertWorkflowTests(ApiWorld world)
{
    [Fact]
    public async Task Transition_NewToInvestigatingToClosed_PersistsAndKeepsHistory()
    {
        var alert = world.Alerts.Where(a => a.EntityKind == "account").Skip(1).First();
        var path = $"/api/alerts/{alert.Id:D}";

        using var noDisposition = await world.Server.PostAsync(Roles.Analyst, $"{path}/transition", new TransitionRequest("closed", null, null));
        using var investigate = await world.Server.PostAsync(Roles.Analyst, $"{path}/transition", new TransitionRequest("investigating", null, "looking"));
        using var assign = await world.Server.PostAsync(Roles.Analyst, $"{path}/assignee", new AssignRequest("analyst-user"));
        using var note = await world.Server.PostAsync(Roles.Analyst, $"{path}/notes", new NoteRequest("called the branch office"));
        using var close = await world.Server.PostAsync(Roles.Analyst, $"{path}/transition", new TransitionRequest("closed", "true_positive", null));
        using var again = await world.Server.PostAsync(Roles.Analyst, $"{path}/transition", new TransitionRequest("closed", "benign", null));
        var detail = await world.Server.GetAsync<AlertDetail>(Roles.Analyst, path);
        var history = await world.Server.GetAsync<ListPage<HistoryItem>>(Roles.Analyst, $"{path}/history");
        var closed = await world.Server.GetAsync<ListPage<AlertSummary>>(Roles.Analyst, "/api/alerts?state=closed&assignee=analyst-user");

        Assert.Equal(HttpStatusCode.BadRequest, noDisposition.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, investigate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, note.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, close.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(("closed", "true_positive", "analyst-user"), (detail.Alert.State, detail.Alert.Disposition, detail.Alert.Assignee));
        Assert.Equal(["raised", "transition", "assign", "note", "transition"], history.Items.Select(h => h.Action).Where(a => a != "merged"));
        Assert.Equal(["new -> investigating", "investigating -> closed"], history.Items.Where(h => h.Action == "transition").Select(h => $"{h.FromState} -> {h.ToState}"));
        Assert.Contains(closed.Items, a => a.Id == alert.Id);
    }

    [Fact]
    public async Task DetectorMergingARepeat_KeepsTheAnalystsState()
    {
        var alert = world.Alerts.Where(a => a.EntityKind == "account").Skip(2).First();
        using var investigate = await world.Server.PostAsync(Roles.Analyst, $"/api/alerts/{alert.Id:D}/transition", new TransitionRequest("investigating", null, null));

        // The engine writes a newer version of the alert (a repeat merged in) with its own default workflow fields.
        await world.Server.Store.Alerts.UpsertAsync([alert with { Occurrences = alert.Occurrences + 1, Version = alert.Version + 1_000_000_000, State = "open" }]);
        var detail = await world.Server.GetAsync<AlertDetail>(Roles.Analyst, $"/api/alerts/{alert.Id:D}");

        Assert.Equal(HttpStatusCode.NoContent, investigate.StatusCode);
        Assert.Equal("investigating", detail.Alert.State);
        Assert.Equal(alert.Occurrences + 1, (uint)detail.Alert.Occurrences);
    }

    [Fact]
    public async Task Bulk_AssignsEveryGivenAlert_AndNamesTheMissingOnes()
    {
        var ids = world.Alerts.Skip(3).Take(2).Select(a => a.Id).ToList();
        var missing = Guid.NewGuid();
        using var response = await world.Server.PostAsync(Roles.Admin, "/api/alerts/bulk", new BulkRequest([.. ids, missing], "assign", null, null, "duty-officer", null));
        var result = JsonSerializer.Deserialize<BulkResult>(await response.Content.ReadAsStringAsync(), ApiServer.Json)!;
        var assigned = await world.Server.GetAsync<ListPage<AlertSummary>>(Roles.Analyst, "/api/alerts?assignee=duty-officer");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ids.Order(), result.Changed.Order());
        Assert.Equal(missing, Assert.Single(result.Failed).Id);
        Assert.Equal(ids.Order(), assigned.Items.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task EvidenceAndEventReads_AreAudited_WithWhoWhatAndWhere()
    {
        var alert = world.AccountAlert();
        var auditPath = $"/api/audit?target={alert.Id:D}&actor=analyst-user&action=alert.e";
        var before = await world.Server.GetAsync<ListPage<AuditView>>(Roles.Auditor, auditPath);
        var detail = await world.Server.GetAsync<AlertDetail>(Roles.Analyst, $"/api/alerts/{alert.Id:D}");
        var events = await world.Server.GetAsync<ListPage<EventView>>(Roles.Analyst, $"/api/alerts/{alert.Id:D}/events?page_size=20");
        var after = await world.Server.GetAsync<ListPage<AuditView>>(Roles.Auditor, auditPath);
        var trail = after.Items.Take((int)(after.Total - before.Total)).ToList();

        Assert.Equal(alert.Type, detail.Alert.Type);
        Assert.True(detail.Explanation.TryGetProperty("summary_en", out _));
        Assert.NotEmpty(events.Items);
        Assert.All(events.Items, e => Assert.Equal(alert.Entity, e.Account));
        Assert.Equal(2, trail.Count);
        var read = Assert.Single(trail, e => e.Action == AuditActions.EvidenceRead);
        Assert.Equal(("analyst-user", "analyst", "127.0.0.1"), (read.Actor, read.Role, read.RemoteAddress));
        Assert.Single(trail, e => e.Action == AuditActions.EventsRead);
    }

    [Fact]
    public async Task EvidenceAndEvents_HoldNoCitizenIdInClear()
    {
        var alert = world.AccountAlert("scripted_bulk_lookup");
        using var detail = await world.Server.Client(Roles.Analyst).GetAsync(new Uri($"/api/alerts/{alert.Id:D}", UriKind.Relative));
        using var events = await world.Server.Client(Roles.Analyst).GetAsync(new Uri($"/api/alerts/{alert.Id:D}/events?page_size=500", UriKind.Relative));
        var text = await detail.Content.ReadAsStringAsync() + await events.Content.ReadAsStringAsync();

        Assert.Contains("citizen_ref", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(CitizenId(), text);
    }

    [Fact]
    public async Task List_FiltersSortsAndPages()
    {
        var type = world.Alerts.GroupBy(a => a.Type).OrderByDescending(g => g.Count()).First().Key;
        var expected = world.Alerts.Count(a => a.Type == type);
        var first = await world.Server.GetAsync<ListPage<AlertSummary>>(Roles.Operator, $"/api/alerts?type={type}&sort=score&order=desc&page_size=2");
        var second = await world.Server.GetAsync<ListPage<AlertSummary>>(Roles.Operator, $"/api/alerts?type={type}&sort=score&order=desc&page_size=2&page=2");
        var text = await world.Server.GetAsync<ListPage<AlertSummary>>(Roles.Operator, $"/api/alerts?q={Uri.EscapeDataString(world.AccountAlert().Entity)}");
        using var badSort = await world.Server.Client(Roles.Operator).GetAsync(new Uri("/api/alerts?sort=password", UriKind.Relative));

        Assert.Equal(expected, first.Total);
        Assert.All(first.Items.Concat(second.Items), a => Assert.Equal(type, a.Type));
        Assert.Empty(first.Items.Select(a => a.Id).Intersect(second.Items.Select(a => a.Id)));
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Contains(text.Items, a => a.Entity == world.AccountAlert().Entity);
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("sort", await badSort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entity_ShowsActivityAgainstBaseline_ReferenceAndAlerts()
    {
        var alert = world.AccountAlert();
        var entity = await world.Server.GetAsync<EntityView>(Roles.Analyst, $"/api/entities/account/{alert.Entity}");
        var timeline = await world.Server.GetAsync<TimelineView>(Roles.Analyst, $"/api/entities/account/{alert.Entity}/timeline?bucket=hour");
        var top = await world.Server.GetAsync<ListPage<RiskyEntityView>>(
            Roles.Leader, $"/api/entities/top?day={DateOnly.FromDateTime(alert.FirstSeen.AddHours(7)):yyyy-MM-dd}");

        Assert.NotNull(entity.FirstSeen);
        Assert.True(entity.LastSeen >= entity.FirstSeen);
        Assert.Equal(alert.Agency, entity.Account?.Agency);
        Assert.True(entity.Alerts >= 1);
        Assert.Equal("trailing_7_day_average_same_time", timeline.Baseline);
        Assert.Contains(timeline.Points, p => p.Requests > 0);
        Assert.Contains(timeline.Points, p => p.BaselineRequests > 0);
        Assert.Contains(top.Items, e => e.Entity == alert.Entity);
        Assert.Equal(Enumerable.Range(1, top.Items.Count), top.Items.Select(e => e.Rank));
    }

    [Fact]
    public async Task ReferenceUpload_NamesEveryBadLine_AndLoadsNothing()
    {
        const string Csv = "account,agency,role,status,status_since\nok.user,AG,officer,active,2024-01-01\nbad.user,AG,officer,sleeping,2024-01-01\nlate.user,AG,officer,active,yesterday\n";
        var before = await world.Server.GetAsync<ListPage<LogSentinel.QueryApi.Reference.ReferenceVersionView>>(Roles.Operator, "/api/reference/versions");
        using var content = new StringContent(Csv, System.Text.Encoding.UTF8, "text/csv");
        using var response = await world.Server.Client(Roles.Operator).PostAsync(new Uri("/api/reference/accounts?source=upload.csv", UriKind.Relative), content);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var after = await world.Server.GetAsync<ListPage<LogSentinel.QueryApi.Reference.ReferenceVersionView>>(Roles.Operator, "/api/reference/versions");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(3, "status"), (4, "status_since")], errors);
        Assert.Equal(before.Total, after.Total);
    }

    [GeneratedRegex(@"(?<![0-9a-fA-F])0[0-9]{2}[0-3][0-9]{8}(?![0-9a-fA-F])")]
    private static partial Regex CitizenId();
}
