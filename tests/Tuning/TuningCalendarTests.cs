using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Store.Tuning;
using static LogSentinel.Tests.Tuning.TuningEvents;

namespace LogSentinel.Tests.Tuning;

/// <summary>Calendar changes in the tuning document move what <c>off_hours</c> judges.</summary>
public sealed class TuningCalendarTests
{
    [Fact]
    public void ExtraHoliday_BusyMorningOnThatDay_RaisesOffHours()
    {
        var batch = OfficeHistory();
        Lookups(batch, "tp.thue.a", "THUE", "10.2.0.7", Local(new DateOnly(2024, 2, 7), 10), 60, 40); // a Wednesday

        var untuned = Run(Engine(TuningDocument.Empty, ReferenceData.Empty), batch);
        var holiday = Run(Engine(new TuningDocument { Calendar = new() { ExtraHolidays = [new DateOnly(2024, 2, 7)] } }, ReferenceData.Empty), batch);

        Assert.DoesNotContain(untuned, a => a.Type == AlertTypes.OffHours);
        var alert = Assert.Single(holiday, a => a.Type == AlertTypes.OffHours);
        Assert.Equal("tp.thue.a", alert.Entity);
    }

    [Fact]
    public void ExtraWorkingDay_SaturdayMorningOnThatDay_RaisesNothing()
    {
        var batch = OfficeHistory();
        Lookups(batch, "tp.thue.a", "THUE", "10.2.0.7", Local(new DateOnly(2024, 2, 3), 10), 60, 40); // a Saturday

        var untuned = Run(Engine(TuningDocument.Empty, ReferenceData.Empty), batch);
        var workingSaturday = Run(Engine(new TuningDocument { Calendar = new() { ExtraWorkingDays = [new DateOnly(2024, 2, 3)] } }, ReferenceData.Empty), batch);

        Assert.Single(untuned, a => a.Type == AlertTypes.OffHours);
        Assert.DoesNotContain(workingSaturday, a => a.Type == AlertTypes.OffHours);
    }

    /// <summary>Two working weeks of office-hours lookups: the account's normal.</summary>
    private static AppEventBatch OfficeHistory()
    {
        var batch = new AppEventBatch();
        for (var day = 0; day < 12; day++)
        {
            var date = new DateOnly(2024, 1, 22).AddDays(day);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                Lookups(batch, "tp.thue.a", "THUE", "10.2.0.7", Local(date, 8), 8 * 60, 10);
            }
        }

        return batch;
    }

    private static long Local(DateOnly date, int hour) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), Offset).ToUnixTimeMilliseconds();
}
