using System.Net;
using System.Text.Json;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.QueryApi.Tuning;
using LogSentinel.Store.Tuning;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>Tuning through the API: versioned changes with who and why, stale changes refused, revert, audit.</summary>
public sealed class TuningApiTests
{
    [Fact]
    public async Task Save_StaleBase_Revert_AreVersionedAndAudited()
    {
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync());
        var document = new TuningDocument { Thresholds = [new ThresholdOverride("BruteForce:IpFailures", "30")] };

        using var first = await server.PostAsync(Roles.Operator, "/api/tuning", new SaveTuningRequest(document, 0, "noisy NAT at the one-stop centre", "set BruteForce:IpFailures=30"));
        using var stale = await server.PostAsync(Roles.Operator, "/api/tuning", new SaveTuningRequest(TuningDocument.Empty, 0, "stale", null));
        using var noReason = await server.PostAsync(Roles.Operator, "/api/tuning", new SaveTuningRequest(TuningDocument.Empty, 1, "", null));
        using var revert = await server.PostAsync(Roles.Admin, "/api/tuning/revert", new RevertTuningRequest(0, 1, "back to defaults"));
        var current = await server.GetAsync<TuningVersionView>(Roles.Analyst, "/api/tuning");
        var history = await server.GetAsync<ListPage<TuningVersionView>>(Roles.Operator, "/api/tuning/versions");
        var v1 = await server.GetAsync<TuningVersionView>(Roles.Operator, "/api/tuning/versions/1");
        var trail = await server.GetAsync<ListPage<AuditView>>(Roles.Auditor, "/api/audit?action=tuning.");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revert.StatusCode);
        Assert.Equal(2UL, current.Version);
        Assert.Empty(current.Document.Thresholds);
        Assert.Equal([2UL, 1UL], history.Items.Select(v => v.Version));
        Assert.Equal(("operator-user", "noisy NAT at the one-stop centre"), (v1.Actor, v1.Reason));
        Assert.Equal(document.Thresholds, v1.Document.Thresholds);
        Assert.Equal([AuditActions.TuningRevert, AuditActions.TuningChange], trail.Items.Select(e => e.Action));
    }

    [Theory]
    [InlineData("BruteForce:NoSuchKnob", "3", "NoSuchKnob")]
    [InlineData("NoSection:IpFailures", "3", "NoSection:IpFailures")]
    [InlineData("VolumeSpike:BaselineWindows", "3", "VolumeSpike:BaselineWindows")]
    [InlineData("BruteForce:IpFailures", "many", "BruteForce:IpFailures")]
    [InlineData("BruteForce:IpFailures", "-5", "BruteForce:IpFailures")]
    public async Task Save_UnknownStructuralOrOutOfRangeThreshold_IsRefusedNamingTheKey(string key, string value, string named)
    {
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync());
        var document = new TuningDocument { Thresholds = [new ThresholdOverride(key, value)] };

        using var save = await server.PostAsync(Roles.Operator, "/api/tuning", new SaveTuningRequest(document, 0, "try it", null));
        using var preview = await server.PostAsync(Roles.Operator, "/api/tuning/preview", new TuningPreviewRequest([new ThresholdOverride(key, value)], null, 1));
        var current = await server.GetAsync<TuningVersionView>(Roles.Operator, "/api/tuning");

        foreach (var response in new[] { save, preview })
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(named, body, StringComparison.Ordinal);
        }

        Assert.Equal(0UL, current.Version);
    }
}
