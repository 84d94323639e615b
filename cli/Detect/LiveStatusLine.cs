using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Live;

namespace LogSentinel.Cli.Detect;

/// <summary>One line of <c>logsentinel run</c>'s totals and the rate since the previous line.</summary>
internal sealed class LiveStatusLine(LiveRunner runner)
{
    private readonly EventRate _rate = new();

    public string Next()
    {
        var ingest = runner.IngestStats;
        var live = runner.Stats;
        var events = ingest.EventsWritten;
        var rate = _rate.Next(events);
        var lag = ingest.Lag < 0 ? "?" : ingest.Lag.ToString("N0", CultureInfo.InvariantCulture);
        var watermark = EventRate.Watermark(live.WatermarkMs);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.Now:HH:mm:ss} events {events:N0} ({rate:N0}/s), detected {live.Events:N0} (late {live.LateEvents:N0}, queued {live.Queued:N0}), alert changes {live.AlertChangesWritten:N0}, watermark {watermark} +07, lag {lag}, dead letters {ingest.DeadLetters:N0}{(ingest.Paused ? ", PAUSED: store not keeping up" : string.Empty)}{(live.TuningError is { } tuning ? $", {tuning}" : string.Empty)}");
    }
}
