using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using static LogSentinel.Tests.Behaviour.BehaviourTraffic;

namespace LogSentinel.Tests.Behaviour;

/// <summary>The drift test of unusual_volume through the engine: quiet scraping over weeks, alone (the day and recent-days tests off).</summary>
public sealed class DriftEngineTests
{
    [Fact]
    public void Officer_TwiceItsLookupsForThreeWeeks_AlertedSinceTheShift_WithExplanation()
    {
        var officers = Shifted(2.0);

        var (alerts, _) = Run(officers, options: DriftOnly());

        var alert = Assert.Single(alerts, a => a.Type == AlertTypes.UnusualVolume);
        Assert.Equal(officers[0].Name, alert.Entity);
        Assert.Equal(EntityKinds.Account, alert.EntityKind);
        Assert.Contains(alert.Explanation.Features, f => f.Name == "lookups_z_since_shift" && f.Observed >= 3 && f.Expected == 3);
        Assert.Contains(alert.Explanation.Features, f => f.Name == "lookups_per_active_day_since_shift" && f.Observed > 1.7 * f.Expected);
        Assert.True(alert.Evidence.Counts["active_days_since_shift"] >= 4);
        Assert.True(alert.Evidence.Counts["baseline_days_before_shift"] >= 5);
        // The alert's window starts at the shift (working day 10, 2024-01-22), not at the day it was decided.
        Assert.Equal(new DateTimeOffset(2024, 1, 22, 0, 0, 0, TimeSpan.FromHours(7)).ToUnixTimeMilliseconds(), alert.WindowStartMs);
        Assert.Contains("active working days since 2024-01-22", alert.Explanation.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("ngày làm việc kể từ 2024-01-22", alert.Explanation.SummaryVi, StringComparison.Ordinal);
    }

    [Fact]
    public void SameShift_DriftTestOff_NotAlerted()
    {
        var options = DriftOnly();
        options.UnusualVolume.DriftZ = 0;

        var (alerts, _) = Run(Shifted(2.0), options: options);

        Assert.DoesNotContain(alerts, a => a.Type == AlertTypes.UnusualVolume);
    }

    [Fact]
    public void SteadyOfficers_AndOneBusyDay_NoDriftAlert()
    {
        var officers = Steady(30, 30, 20);
        officers[0].Daily[15] = 70;

        var (alerts, _) = Run(officers, options: DriftOnly());

        Assert.DoesNotContain(alerts, a => a.Type == AlertTypes.UnusualVolume);
    }

    private static List<Officer> Shifted(double factor)
    {
        var officers = Steady(12, 30, 20);
        for (var d = 10; d < 30; d++)
        {
            officers[0].Daily[d] = (int)Math.Round(officers[0].Daily[d] * factor);
        }

        return officers;
    }

    private static DetectionOptions DriftOnly()
    {
        var options = new DetectionOptions();
        options.UnusualVolume.SustainedZ = 1000;
        options.UnusualVolume.DayZ = 1000;
        return options;
    }
}
