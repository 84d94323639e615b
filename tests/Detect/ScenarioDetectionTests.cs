using System.Text.Json;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Detect;

/// <summary>Every detector against its simulated scenario, and the benign twin of the same world.</summary>
public sealed class ScenarioDetectionTests(DetectionWorldFixture world) : IClassFixture<DetectionWorldFixture>
{
    [Theory]
    [InlineData("brute_force")]
    [InlineData("weak_credentials")]
    [InlineData("departed_account_use")]
    [InlineData("unknown_source")]
    [InlineData("many_accounts_one_source")]
    [InlineData("scripted_bulk_lookup")]
    [InlineData("account_sharing")]
    [InlineData("outage")]
    public void Replay_Scenario_RaisesAlertOfItsTypeOnItsEntity(string type)
    {
        var labels = world.Attack.Labels.Where(l => l.Scenario == type).ToList();
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            Assert.Contains(world.AttackAlerts, a => a.Type == type && a.EntityKind == label.EntityKind && a.Entity == label.Entity);
        }
    }

    [Fact]
    public void Replay_BenignTwin_RaisesNoAlertOfAnyType()
    {
        Assert.True(world.BenignAlerts.Count == 0, string.Join("; ", world.BenignAlerts.Select(a => $"{a.Type} {a.Entity}")));
    }

    [Fact]
    public void Replay_AttackWorld_EveryAlertIsALabelledEntity_OrAVictimOfALabelledAddress()
    {
        // Account sharing also shows where another attack used a victim's account while its owner worked, and a
        // brute-force tool that tries one account many times makes that account an entity of its own.
        var labelled = world.Attack.Labels.Select(l => (l.Scenario, l.Entity)).ToHashSet();
        var attackAddresses = world.Attack.Labels.Where(l => l.EntityKind == "ip").Select(l => l.Entity).ToHashSet();
        var labelledEntities = world.Attack.Labels.Select(l => l.Entity).ToHashSet();
        foreach (var alert in world.AttackAlerts)
        {
            // Secondary alerts: the scripted evening runs are also off-hours, an attacker's session at night on a
            // victim's account is off-hours for that account, and the outage's flood is a volume spike.
            var explained = labelled.Contains((alert.Type, alert.Entity))
                || (alert.Type == "off_hours" && labelled.Contains(("scripted_bulk_lookup", alert.Entity)))
                || (alert.Type == "unknown_source" && labelled.Contains(("account_sharing", alert.Entity)))
                || (alert.Type == "volume_spike" && labelled.Contains(("outage", "gateway")) && alert.EntityKind is "gateway" or "api")
                || (alert.Type is "account_sharing" or "brute_force" or "off_hours" or "unknown_source"
                    && JsonDocument.Parse(alert.EvidenceJson).RootElement.GetProperty("addresses").EnumerateArray().Any(a => attackAddresses.Contains(a.GetString()!)))
                // The behaviour baseline sees an attack's volume on the labelled entity and on its address or agency.
                || (alert.Type == "unusual_volume" && (labelledEntities.Contains(alert.Entity) || Named(alert.EvidenceJson).Any(labelledEntities.Contains)));
            Assert.True(explained, $"unexpected {alert.Type} on {alert.Entity}");
        }
    }

    private static List<string> Named(string evidence)
    {
        var root = JsonDocument.Parse(evidence).RootElement;
        return root.GetProperty("accounts").EnumerateArray().Concat(root.GetProperty("addresses").EnumerateArray()).Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public void Replay_ScriptedEveningRuns_AlsoRaiseOffHoursOnTheAccount()
    {
        var label = world.Attack.Labels.Single(l => l.Scenario == "scripted_bulk_lookup");
        var alert = Assert.Single(world.AttackAlerts, a => a.Type == "off_hours" && a.Entity == label.Entity);
        Assert.Equal("account", alert.EntityKind);
        Assert.Equal("vi phạm quy định", alert.CategoryVi);
        using var explanation = JsonDocument.Parse(alert.ExplanationJson);
        Assert.Contains(explanation.RootElement.GetProperty("features").EnumerateArray(), f => f.GetProperty("name").GetString() == "similar_days_28d");
        Assert.Contains("lookups between", explanation.RootElement.GetProperty("summary_en").GetString(), StringComparison.Ordinal);
        Assert.Contains("tra cứu", explanation.RootElement.GetProperty("summary_vi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OutageFlood_AlsoRaisesVolumeSpikeOnTheGateway_AsDenialOfService()
    {
        Assert.Contains(world.Attack.Labels, l => l.Scenario == "outage");
        var alert = Assert.Single(world.AttackAlerts, a => a.Type == "volume_spike" && a.EntityKind == "gateway");
        Assert.Equal("tấn công từ chối dịch vụ", alert.CategoryVi);
        var outage = world.AttackAlerts.Single(a => a.Type == "outage");
        Assert.True(alert.FirstSeen < outage.LastSeen && alert.LastSeen > outage.FirstSeen, $"{alert.FirstSeen:O} {outage.FirstSeen:O}");
        using var explanation = JsonDocument.Parse(alert.ExplanationJson);
        Assert.Contains("times its baseline", explanation.RootElement.GetProperty("summary_en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_VictimAccountUsedFromTheUnknownAddress_RaisesUnknownSourceOnTheAccount()
    {
        var address = world.Attack.Labels.Single(l => l.Scenario == "unknown_source").Entity;
        var victim = world.Attack.App.First(e => e.ClientIp == address && !string.IsNullOrEmpty(e.Account)).Account;
        var alert = Assert.Single(world.AttackAlerts, a => a.Type == "unknown_source" && a.EntityKind == "account" && a.Entity == victim);
        Assert.Equal("tấn công truy cập trái phép, chiếm quyền điều khiển", alert.CategoryVi);
        using var evidence = JsonDocument.Parse(alert.EvidenceJson);
        Assert.Contains(evidence.RootElement.GetProperty("addresses").EnumerateArray(), a => a.GetString() == address);
    }

    [Fact]
    public void Replay_Alerts_CarryExplanationEvidenceCategoryAndEventTimes()
    {
        var alert = world.AttackAlerts.First(a => a.Type == "brute_force");
        using var explanation = JsonDocument.Parse(alert.ExplanationJson);
        Assert.NotEmpty(explanation.RootElement.GetProperty("features").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(explanation.RootElement.GetProperty("summary_en").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(explanation.RootElement.GetProperty("summary_vi").GetString()));
        Assert.Equal("tấn công truy cập trái phép, chiếm quyền điều khiển", alert.CategoryVi);
        Assert.InRange(alert.Score, 1, 100);
        Assert.True(alert.FirstSeen <= alert.LastSeen && alert.DetectedAt >= alert.WindowStart);
        Assert.Contains(world.AttackAlerts, a => a.Type == "weak_credentials" && a.CategoryVi == "vi phạm quy định");
        var outage = world.AttackAlerts.Single(a => a.Type == "outage");
        Assert.True(outage.WindowEnd - outage.WindowStart >= TimeSpan.FromMinutes(20), $"{outage.WindowStart:O} - {outage.WindowEnd:O}");
    }

    [Fact]
    public void Replay_Summary_ReportsEventsLateEventsAndAlertsByType()
    {
        Assert.Matches(@"Late events\s*│\s*0", world.AttackOutput);
        Assert.Matches(@"brute_force\s*│\s*\d", world.AttackOutput);
        Assert.Contains("Events/s", world.AttackOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsJson_FilteredByType_PrintsTheContractFields()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "alerts", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={world.AttackDatabase}", "--type", "brute_force", "--json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var alerts = json.RootElement.EnumerateArray().ToList();
        Assert.All(alerts, a => Assert.Equal("brute_force", a.GetProperty("type").GetString()));
        var alert = alerts.Single(a => a.GetProperty("entity_kind").GetString() == "ip");
        foreach (var field in new[] { "id", "type", "entity_kind", "entity", "agency", "start", "end", "score", "severity", "explanation", "evidence", "category", "first_seen", "last_seen", "occurrences", "detected_at", "raised_at" })
        {
            Assert.True(alert.TryGetProperty(field, out _), field);
        }

        Assert.Equal("brute_force", alert.GetProperty("type").GetString());
        Assert.EndsWith("+07:00", alert.GetProperty("detected_at").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(alert.GetProperty("evidence").GetProperty("sample_event_keys").EnumerateArray());
    }

    [Fact]
    public async Task Replay_CalendarConfigured_EveningsWorkingHoursAndAHoliday_NoOffHoursOnTheScriptedAccount()
    {
        var label = world.Attack.Labels.Single(l => l.Scenario == "scripted_bulk_lookup");

        var (_, _, alerts) = await DetectionReplay.RunAsync(world.Attack, settings:
            ["Detection:OffHours:WorkEnd=23:00:00", "Detection:OffHours:Holidays:0=2024-01-08", "Detection:VolumeSpike:MinRatio=8"]);

        Assert.DoesNotContain(alerts, a => a.Type == "off_hours" && a.Entity == label.Entity);
        Assert.Contains(alerts, a => a.Type == "scripted_bulk_lookup" && a.Entity == label.Entity);
    }

    [Fact]
    public async Task Replay_GracePeriodLongerThanTheDeparture_NoDepartedAccountAlert()
    {
        var (_, _, alerts) = await DetectionReplay.RunAsync(world.Attack, settings: "Detection:DepartedAccountUse:GraceDays=60");

        Assert.DoesNotContain(alerts, a => a.Type == "departed_account_use");
        Assert.Contains(alerts, a => a.Type == "brute_force");
    }
}
