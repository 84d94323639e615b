using LogSentinel.Store.Activity;

namespace LogSentinel.QueryApi.Entities;

/// <summary>
/// The entity's own trailing average: for each bucket, the mean of the same bucket on each of the previous
/// <see cref="Days"/> days since the entity was first seen (quiet buckets count as 0). Stands in until the
/// baselines of the ML work are in the store.
/// </summary>
internal static class TrailingBaseline
{
    public const int Days = 7;

    public const string Label = "trailing_7_day_average_same_time";

    /// <summary>The points of <paramref name="shown"/> with their baselines drawn from <paramref name="history"/> (which reaches back <see cref="Days"/> days further).</summary>
    public static List<TimelinePoint> Apply(IReadOnlyList<ActivityPoint> shown, IReadOnlyList<ActivityPoint> history, DateTime? firstSeen)
    {
        var byStart = history.ToDictionary(p => p.Start);
        return [.. shown.Select(p => Point(p, byStart, firstSeen))];
    }

    /// <summary>Adds empty buckets between the active ones so the chart shows quiet time as zero, not as a line across it.</summary>
    public static List<ActivityPoint> Fill(IReadOnlyList<ActivityPoint> points, DateTime from, DateTime to, TimeSpan step, int maxBuckets)
    {
        if ((to - from) / step > maxBuckets)
        {
            return [.. points];
        }

        var byStart = points.ToDictionary(p => p.Start);
        var filled = new List<ActivityPoint>();
        for (var t = Align(from, step); t <= to; t += step)
        {
            filled.Add(byStart.TryGetValue(t, out var p) ? p : new ActivityPoint(t, 0, 0, 0, 0));
        }

        return filled;
    }

    private static DateTime Align(DateTime t, TimeSpan step)
    {
        // Days are local days (UTC+07:00) as the store buckets them.
        var shift = step >= TimeSpan.FromDays(1) ? TimeSpan.FromHours(7) : TimeSpan.Zero;
        var ticks = (t + shift).Ticks / step.Ticks * step.Ticks;
        return new DateTime(ticks, DateTimeKind.Utc) - shift;
    }

    private static TimelinePoint Point(ActivityPoint p, Dictionary<DateTime, ActivityPoint> byStart, DateTime? firstSeen)
    {
        double requests = 0, lookups = 0;
        var days = 0;
        for (var d = 1; d <= Days; d++)
        {
            var earlier = p.Start.AddDays(-d);
            if (firstSeen is null || earlier < firstSeen.Value.Date)
            {
                break;
            }

            days++;
            if (byStart.TryGetValue(earlier, out var e))
            {
                requests += e.Requests;
                lookups += e.Lookups;
            }
        }

        return new TimelinePoint(
            Hosting.ApiTime.Local(p.Start), p.Requests, p.Lookups, p.FailedLogins, p.Errors,
            days == 0 ? null : requests / days, days == 0 ? null : lookups / days);
    }
}
