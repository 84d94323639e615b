using LogSentinel.Report.Daily;
using LogSentinel.Store.Reports;

namespace LogSentinel.Tests.Report;

/// <summary>How the report compares a day with the days before it.</summary>
public sealed class TrendTests
{
    private static readonly DateOnly Monday = new(2024, 3, 25);

    [Fact]
    public void BuildTrends_UsualMonday_IsUsualAgainstMondays_ThoughAboveTheWeeklyMean()
    {
        // Six weeks of a working rhythm: 100 lookups on Mondays, 60 on other working days, 5 at weekends.
        var volumes = Enumerable.Range(0, 42).Select(i => Monday.AddDays(-i))
            .Select(d => new DailyVolume(d, 0, d.DayOfWeek switch { DayOfWeek.Monday => 100UL, DayOfWeek.Saturday or DayOfWeek.Sunday => 5UL, _ => 60UL }, 0))
            .ToList();

        var trends = DailyReportBuilder.BuildTrends(Monday, volumes, []);

        Assert.Equal(100, trends.Lookups.Day);
        Assert.Equal(100, trends.Lookups.SameWeekdayMean);
        Assert.Equal(0, trends.Lookups.ChangeSameWeekday);
        Assert.True(trends.Lookups.Change7 > 0.5, $"{trends.Lookups.Change7}");
        Assert.Equal(30, trends.HistoryDays);
        Assert.Equal(31, trends.Days.Count);
    }

    [Fact]
    public void BuildTrends_DataBeganThreeDaysAgo_MeansCoverOnlyThoseDays()
    {
        var volumes = new List<DailyVolume>
        {
            new(Monday.AddDays(-3), 0, 30, 0), new(Monday.AddDays(-2), 0, 30, 0), new(Monday.AddDays(-1), 0, 30, 0), new(Monday, 0, 60, 0),
        };

        var trends = DailyReportBuilder.BuildTrends(Monday, volumes, []);

        Assert.Equal(3, trends.HistoryDays);
        Assert.Equal(30, trends.Lookups.Mean7);
        Assert.Equal(30, trends.Lookups.Mean30);
        Assert.Equal(1.0, trends.Lookups.Change7);
        Assert.Null(trends.Lookups.SameWeekdayMean);
    }
}
