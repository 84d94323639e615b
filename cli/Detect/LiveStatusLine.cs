using System.Globalization;
using LogSentinel.Detect.Live;

namespace LogSentinel.Cli.Detect;

/// <summary>One line of <c>logsentinel run</c>'s totals and the rate since the previous line.</summary>
internal sealed class LiveStatusLine(LiveRunner runner)
{
    private long _lastEvents;
    private long _lastAt = TimeProvider.System.GetTimestamp();

    public string Next()
    {
        var now = TimeProvider.System.GetTimestamp();
        var ingest = runner.IngestStats;
        var live = runner.Stats;
        var events = ingest.EventsWritten;
        var seconds = TimeProvider.System.GetElapsedTime(_lastAt, now).TotalSeconds;
        var rate = seconds > 0 ? (events - _lastEvents) / seconds : 0;
        _lastEvents = events;
        _lastAt = now;
        var lag = ingest.Lag < 0 ? "?" : ingest.Lag.ToString("N0", CultureInfo.InvariantCulture);
        var watermark = live.WatermarkMs == long.MinValue
            ? "-"
            : DateTimeOffset.FromUnixTimeMilliseconds(live.WatermarkMs).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.Now:HH:mm:ss} events {events:N0} ({rate:N0}/s), detected {live.Events:N0} (late {live.LateEvents:N0}, queued {live.Queued:N0}), alert changes {live.AlertChangesWritten:N0}, watermark {watermark} +07, lag {lag}, dead letters {ingest.DeadLetters:N0}{(ingest.Paused ? ", PAUSED: store not keeping up" : string.Empty)}{(live.TuningError is { } tuning ? $", {tuning}" : string.Empty)}");
    }
}
