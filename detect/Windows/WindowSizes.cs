namespace LogSentinel.Detect.Windows;

/// <summary>The window lengths the engine keeps, in milliseconds of event time.</summary>
internal static class WindowSizes
{
    public const long Minute = 60_000;
    public const long FiveMinutes = 5 * Minute;
    public const long Hour = 60 * Minute;
    public const long Day = 24 * Hour;

    /// <summary>Start of the minute holding <paramref name="ms"/> (floor, also for times before 1970).</summary>
    public static long MinuteOf(long ms) => Math.DivRem(ms, Minute) is var (q, r) && r < 0 ? q - 1 : q;
}
