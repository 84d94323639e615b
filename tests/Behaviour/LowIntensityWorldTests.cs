namespace LogSentinel.Tests.Behaviour;

public sealed class LowIntensityWorldTests(LowIntensityWorldFixture world) : IClassFixture<LowIntensityWorldFixture>
{
    [Fact]
    public void Replay_LowIntensityScenarios_EveryLabelDetected()
    {
        var missed = world.AttackReport.Scenarios.Where(s => s.Detected < s.Labels).Select(s => $"{s.Scenario} {s.Detected}/{s.Labels}").ToList();

        Assert.Equal(8, world.AttackReport.Scenarios.Count);
        Assert.True(missed.Count == 0, "missed: " + string.Join(", ", missed));
    }

    [Fact]
    public void Replay_BenignWorld_AtMostOneFalseAlertPer1000EntityDays()
    {
        var report = world.BenignReport;

        Assert.True(report.BenignEntityDays > 1000, $"{report.BenignEntityDays} entity-days");
        Assert.True(report.FalseAlerts * 1000 <= report.BenignEntityDays, $"{report.FalseAlerts} false alerts over {report.BenignEntityDays} entity-days");
    }

    [Fact]
    public void Replay_LowIntensityWorld_FalseAlertsWithinTheSameLimit()
    {
        var report = world.AttackReport;

        Assert.True(report.FalseAlerts * 1000 <= report.BenignEntityDays, $"{report.FalseAlerts} false alerts over {report.BenignEntityDays} entity-days");
    }
}
