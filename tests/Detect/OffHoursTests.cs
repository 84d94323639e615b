using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Calendar;
using LogSentinel.Detect.Detectors.OffHours;
using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Detect;

/// <summary>The working calendar and the off-hours rule's history: night shifts, weekends, holidays.</summary>
public sealed class OffHoursTests
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    [Theory]
    [InlineData("2024-01-02T09:00", true)]   // Tuesday morning
    [InlineData("2024-01-02T07:29", false)]  // before 07:30
    [InlineData("2024-01-02T17:30", false)]  // from 17:30
    [InlineData("2024-01-02T19:00", false)]  // evening
    [InlineData("2024-01-06T09:00", false)]  // Saturday
    [InlineData("2024-01-01T09:00", false)]  // New Year's Day
    [InlineData("2024-02-12T10:00", false)]  // Tet 2024
    [InlineData("2025-01-29T10:00", false)]  // Tet 2025
    [InlineData("2027-09-02T10:00", false)]  // National Day 2027
    [InlineData("2024-09-04T10:00", true)]   // the day after National Day's break
    public void WorkingCalendar_Defaults_LocalTimeWeekendsAndHolidays(string local, bool working)
    {
        var calendar = new WorkingCalendar(new OffHoursOptions(), Offset);
        Assert.Equal(working, calendar.IsWorkingTime(Ms(local)));
    }

    [Fact]
    public void WorkingCalendar_Configured_SaturdayWorkingAndExtraHoliday()
    {
        var options = new OffHoursOptions { WorkingDays = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday", Holidays = [new DateOnly(2024, 1, 3)], BuiltInHolidays = false };
        var calendar = new WorkingCalendar(options, Offset);

        Assert.True(calendar.IsWorkingTime(Ms("2024-01-06T09:00")));
        Assert.True(calendar.IsWorkingTime(Ms("2024-01-01T09:00")));
        Assert.False(calendar.IsWorkingTime(Ms("2024-01-03T09:00")));
        Assert.Throws<InvalidOperationException>(() => new DetectionOptions { OffHours = new OffHoursOptions { WorkingDays = "Funday" } }.Validate());
    }

    [Fact]
    public void NightShiftAccount_WithAHistoryOfNights_RaisesNothing()
    {
        var batch = new AppEventBatch();
        // A police officer on a three-day rotation, 22:00-06:00, 30 lookups an hour, for four weeks.
        for (var night = 0; night < 28; night += 3)
        {
            var start = Ms("2024-01-01T22:00") + (night * 86_400_000L);
            Lookups(batch, "ca.trucdem", "CA", "10.1.0.5", start, 8 * 60, 30);
        }

        var alerts = Run(batch);

        Assert.DoesNotContain(alerts, a => a.Type == AlertTypes.OffHours);
    }

    [Fact]
    public void OfficeAccount_EveningAndTetBursts_RaiseOffHours_ExplainedAgainstItsHistory()
    {
        var batch = new AppEventBatch();
        for (var day = 0; day < 14; day++)
        {
            var date = new DateOnly(2024, 1, 22).AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            Lookups(batch, "tp.thue.a", "THUE", "10.2.0.7", Ms($"{date:yyyy-MM-dd}T08:00"), 8 * 60, 10);
        }

        Lookups(batch, "tp.thue.a", "THUE", "10.2.0.7", Ms("2024-02-07T19:00"), 60, 40); // a working day's evening
        Lookups(batch, "tp.thue.a", "THUE", "10.2.0.7", Ms("2024-02-10T10:00"), 60, 40); // Tet

        // A merge gap shorter than the three days between the bursts keeps them apart, so each explains itself.
        var alerts = Run(batch, new DetectionOptions { MergeGap = TimeSpan.FromHours(1) });

        var offHours = alerts.Where(a => a.Type == AlertTypes.OffHours).ToList();
        Assert.True(offHours.Count == 2, string.Join("; ", offHours.Select(a => a.Explanation.SummaryEn)));
        var alert = offHours[1];
        Assert.Equal("tp.thue.a", alert.Entity);
        Assert.Contains("public holiday", alert.Explanation.SummaryEn, StringComparison.Ordinal);
        Assert.Equal(IncidentCategory.PolicyViolation, alert.Category);
        Assert.Contains(alert.Explanation.Features, f => f.Name == "similar_days_28d" && f.Observed == 0);
        Assert.Contains("ngày", alert.Explanation.SummaryVi, StringComparison.Ordinal);
    }

    [Fact]
    public void OfficeAccount_OneLateLookup_BelowTheMinimum_RaisesNothing()
    {
        var batch = new AppEventBatch();
        Lookups(batch, "tp.thue.b", "THUE", "10.2.0.8", Ms("2024-01-22T08:00"), 8 * 60, 10);
        Lookups(batch, "tp.thue.b", "THUE", "10.2.0.8", Ms("2024-01-24T08:00"), 8 * 60, 10);
        Lookups(batch, "tp.thue.b", "THUE", "10.2.0.8", Ms("2024-01-24T21:00"), 60, 5);

        Assert.DoesNotContain(Run(batch), a => a.Type == AlertTypes.OffHours);
    }

    private static List<DetectedAlert> Run(AppEventBatch batch, DetectionOptions? options = null)
    {
        var engine = new DetectionEngine(options ?? new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);
        var order = Enumerable.Range(0, batch.Count).OrderBy(r => batch.TimestampMs[r]).ToArray();
        foreach (var row in order)
        {
            engine.Add(batch, row);
        }

        engine.Complete();
        var alerts = new List<DetectedAlert>();
        engine.DrainChangedAlerts(alerts);
        return alerts;
    }

    private static void Lookups(AppEventBatch batch, string account, string agency, string ip, long from, int minutes, int perHour)
    {
        var gap = 3_600_000L / perHour;
        for (var t = from; t < from + (minutes * 60_000L); t += gap)
        {
            var fields = new AppEventFields
            {
                TimestampMs = t,
                EventKey = (ulong)t ^ (ulong)account.Length,
                Event = "citizen_lookup"u8.ToArray(),
                Account = Encoding.UTF8.GetBytes(account),
                Agency = Encoding.UTF8.GetBytes(agency),
                ClientIp = IpAddresses.FromIPAddress(System.Net.IPAddress.Parse(ip)),
                DefaultPassword = -1,
                PasswordAgeDays = -1,
            };
            batch.Add(in fields);
        }
    }

    private static long Ms(string local) =>
        new DateTimeOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Offset).ToUnixTimeMilliseconds();
}
