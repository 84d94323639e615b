using System.Globalization;

namespace LogSentinel.Cli.Hosting;

/// <summary>What the status lines of the long-running roles share: the rate of a running total since the previous line, and event time as the provinces read it.</summary>
internal sealed class EventRate
{
    private long _last;
    private long _lastAt = TimeProvider.System.GetTimestamp();

    /// <summary>Per second since the previous call (or since construction), given the running total now.</summary>
    public double Next(long total)
    {
        var now = TimeProvider.System.GetTimestamp();
        var seconds = TimeProvider.System.GetElapsedTime(_lastAt, now).TotalSeconds;
        var rate = seconds > 0 ? (total - _last) / seconds : 0;
        _last = total;
        _lastAt = now;
        return rate;
    }

    /// <summary>A watermark in local time (UTC+7), or "-" before any event.</summary>
    public static string Watermark(long watermarkMs) => watermarkMs == long.MinValue
        ? "-"
        : DateTimeOffset.FromUnixTimeMilliseconds(watermarkMs).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
