namespace LogSentinel.Store.Activity;

/// <summary>Where buckets begin: minutes and hours on the UTC clock, days at local (UTC+07:00) midnight.</summary>
internal static class ActivityBuckets
{
    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    public static TimeSpan Width(ActivityBucket bucket) => bucket switch
    {
        ActivityBucket.Minute => TimeSpan.FromMinutes(1),
        ActivityBucket.Hour => TimeSpan.FromHours(1),
        _ => TimeSpan.FromDays(1),
    };

    /// <summary>The start (UTC) of the bucket holding <paramref name="utc"/>.</summary>
    public static DateTime Start(DateTime utc, ActivityBucket bucket)
    {
        var shift = bucket == ActivityBucket.Day ? LocalOffset : TimeSpan.Zero;
        var width = Width(bucket).Ticks;
        return new DateTime((utc + shift).Ticks / width * width, DateTimeKind.Utc) - shift;
    }
}
