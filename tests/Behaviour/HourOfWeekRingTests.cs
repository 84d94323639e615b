using LogSentinel.Detect.Baselines;

namespace LogSentinel.Tests.Behaviour;

public sealed class HourOfWeekRingTests
{
    [Fact]
    public void MedianAndMadPerHourAndPerWeekday_OverTheDaysHeld()
    {
        var ring = new HourOfWeekRing(6);
        foreach (var nine in (ReadOnlySpan<int>)[10, 12, 30, 11, 9])
        {
            ring.Add(0, Day((9, nine), (14, 5)));
        }

        var scratch = new double[6];
        var (median, spread) = ring.Hour(0, 9, scratch);
        var (dayMedian, _) = ring.Day(0, scratch);
        var (tuesday, _) = ring.Hour(1, 9, scratch);

        Assert.Equal(5, ring.Seen(0));
        // The busy Monday (30) does not move the median the way it would a mean.
        Assert.Equal(11, median);
        Assert.Equal(1.4826, spread, 3);
        Assert.Equal(16, dayMedian);
        Assert.True(double.IsNaN(tuesday));
    }

    [Fact]
    public void FullRing_KeepsTheNewestWeeks()
    {
        var ring = new HourOfWeekRing(3);
        foreach (var count in (ReadOnlySpan<int>)[100, 100, 1, 2, 3])
        {
            ring.Add(2, Day((10, count)));
        }

        var (median, _) = ring.Hour(2, 10, new double[3]);

        Assert.Equal(3, ring.Seen(2));
        Assert.Equal(2, median);
    }

    [Fact]
    public void SavedRing_LoadsIntoFewerWeeks_WithItsNewestDays()
    {
        var ring = new HourOfWeekRing(6);
        foreach (var count in (ReadOnlySpan<int>)[1, 2, 3, 4, 5, 6, 7, 70_000])
        {
            ring.Add(4, Day((8, count)));
        }

        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ring.Save(w);
        }

        stream.Position = 0;
        var loaded = new HourOfWeekRing(3);
        using (var r = new BinaryReader(stream))
        {
            loaded.Load(r);
        }

        var (median, _) = loaded.Hour(4, 8, new double[3]);

        Assert.Equal(3, loaded.Seen(4));
        // Newest three: 6, 7 and 70,000 held at 65,535.
        Assert.Equal(7, median);
    }

    [Fact]
    public void WeekdayOf_MondayFirst()
    {
        Assert.Equal(0, HourOfWeekRing.WeekdayOf(new DateOnly(2024, 1, 8).DayNumber));
        Assert.Equal(6, HourOfWeekRing.WeekdayOf(new DateOnly(2024, 1, 14).DayNumber));
    }

    private static int[] Day(params (int Hour, int Count)[] counts)
    {
        var hours = new int[24];
        foreach (var (hour, count) in counts)
        {
            hours[hour] = count;
        }

        return hours;
    }
}
