namespace LogSentinel.Tests.Behaviour;

public sealed class LowAndSlowWorldTests(LowAndSlowWorldFixture world) : IClassFixture<LowAndSlowWorldFixture>
{
    [Fact]
    public void Replay_QuietScrapingForTwoWeeks_Detected()
    {
        var scenario = Assert.Single(world.AttackReport.Scenarios);

        Assert.Equal("low_and_slow", scenario.Scenario);
        Assert.Equal(1, scenario.Labels);
        Assert.Equal(1, scenario.Detected);
    }

    [Fact]
    public void Replay_BenignMonth_AtMostOneFalseAlertPer1000EntityDays()
    {
        var report = world.BenignReport;

        // A month, so the drift test judges every account over weeks of its own history.
        Assert.True(report.BenignEntityDays > 3000, $"{report.BenignEntityDays} entity-days");
        Assert.True(report.FalseAlerts * 1000 <= report.BenignEntityDays, $"{report.FalseAlerts} false alerts over {report.BenignEntityDays} entity-days");
    }

    [Fact]
    public void Replay_QuietScrapingWorld_FalseAlertsWithinTheSameLimit()
    {
        var report = world.AttackReport;

        Assert.True(report.FalseAlerts * 1000 <= report.BenignEntityDays, $"{report.FalseAlerts} false alerts over {report.BenignEntityDays} entity-days");
    }
}
