using System.Net;
using LogSentinel.Detect.Alerts;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.QueryApi.Tuning;
using LogSentinel.Store.Tuning;
using Microsoft.Extensions.DependencyInjection;

namespace LogSentinel.Tests.QueryApi;

/// <summary>The tuning preview over HTTP: the replay <c>tune preview</c> runs, for operators, audited, nothing stored.</summary>
[Collection(ApiWorldCollectionDefinition.Name)]
public sealed class TuningPreviewApiTests(ApiWorld world)
{
    [Fact]
    public async Task Preview_RaisedThreshold_CountsAlertsBothWays_AndIsAudited()
    {
        var before = await world.Server.GetAsync<TuningVersionView>(Roles.Operator, "/api/tuning");
        using var response = await world.Server.PostAsync(Roles.Operator, "/api/tuning/preview", new TuningPreviewRequest(
            [new ThresholdOverride("bruteforce:ipfailures", "1000"), new ThresholdOverride("BruteForce:AccountFailures", "1000")], null, 30));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var preview = System.Text.Json.JsonSerializer.Deserialize<TuningPreviewView>(body, ApiServer.Json)!;
        var after = await world.Server.GetAsync<TuningVersionView>(Roles.Operator, "/api/tuning");
        var trail = await world.Server.GetAsync<ListPage<AuditView>>(Roles.Auditor, "/api/audit?action=tuning.preview");

        // Over the whole simulated world the current tuning raises what the replay raised; the raised thresholds raise no brute force.
        var bruteForce = preview.Types.Single(t => t.Type == AlertTypes.BruteForce);
        Assert.Equal(world.Alerts.Count(a => a.Type == AlertTypes.BruteForce), bruteForce.Current);
        Assert.True(bruteForce.Current > 0);
        Assert.Equal(0, bruteForce.Proposed);
        Assert.Equal(preview.Types.Sum(t => t.Current), preview.CurrentAlerts);
        Assert.True(preview.Events > 0);
        Assert.Equal(30, preview.Days);
        Assert.NotNull(preview.From);
        Assert.Equal(before.Version, after.Version);
        var entry = trail.Items[0];
        Assert.Equal(("operator-user", AuditActions.TuningPreview), (entry.Actor, entry.Action));
        Assert.Contains("bruteforce:ipfailures=1000", entry.Detail, StringComparison.Ordinal);
        Assert.Contains($"{preview.ProposedAlerts} alerts (current {preview.CurrentAlerts})", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_DaysOutOfRange_IsRefused()
    {
        using var response = await world.Server.PostAsync(Roles.Admin, "/api/tuning/preview", new TuningPreviewRequest(null, null, 0));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_WhileAnotherRuns_IsConflict()
    {
        var gate = world.Server.App.Services.GetRequiredService<TuningPreviewGate>();
        HttpStatusCode during;
        using (var running = gate.TryEnter())
        {
            Assert.NotNull(running);
            using var response = await world.Server.PostAsync(Roles.Operator, "/api/tuning/preview", new TuningPreviewRequest(null, null, 1));
            during = response.StatusCode;
        }

        using var after = await world.Server.PostAsync(Roles.Operator, "/api/tuning/preview", new TuningPreviewRequest(null, null, 1));

        Assert.Equal(HttpStatusCode.Conflict, during);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
