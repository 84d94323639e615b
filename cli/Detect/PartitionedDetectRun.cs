using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Live;
using LogSentinel.Detect.Live.Partitioned;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Store;
using Microsoft.Extensions.Logging;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// <c>logsentinel detect</c> with <c>Live:Source=internal</c>: one member of the detect group over the internal topics
/// the ingest role republishes to, an engine per assigned partition, until Ctrl-C or SIGTERM.
/// </summary>
internal static class PartitionedDetectRun
{
    public static async Task<int> RunAsync(
        ParseResult parse, ILogStore store, Func<DetectionEngine> engines, KafkaSourceOptions kafka, RepublishOptions topics, LiveOptions live,
        TimeSpan allowedLateness, ILoggerFactory loggerFactory, TimeSpan statusInterval, CancellationToken stop)
    {
        using var detector = new PartitionedDetector(
            store, engines, kafka, topics, live, allowedLateness, Ingest.IngestRuntime.StoreRetry(maxAttempts: int.MaxValue),
            loggerFactory.CreateLogger("LogSentinel.Detect.Partitioned"), TimeProvider.System, Tuning.TunePreviewCommand.ReadOptions(parse));
        var output = parse.InvocationConfiguration.Output;
        await output.WriteLineAsync(
            $"Detecting by partition on {string.Join(", ", topics.Topics)} from {kafka.BootstrapServers} as group {live.DetectGroupId}; Ctrl-C stops.").ConfigureAwait(false);
        var run = detector.RunAsync(stop);
        var status = new StatusLine(detector);
        await StatusLoop.RunAsync(run, status.Next, output, statusInterval, stop).ConfigureAwait(false);
        var latency = detector.Stats.Latency;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Stopped: {detector.Stats.Events:N0} detected, {detector.Duplicates:N0} duplicates skipped, {detector.Stats.AlertChangesWritten:N0} alert changes written, {detector.Stats.Checkpoints:N0} partition checkpoints, {detector.Restored:N0} partitions resumed from a checkpoint.")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Alert latency (deciding event consumed -> alert stored), {latency.Count:N0} changes: p50 {latency.Percentile(50):N0} ms, p95 {latency.Percentile(95):N0} ms, max {latency.Percentile(100):N0} ms")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>One line of the member's totals and the rate since the previous line.</summary>
    private sealed class StatusLine(PartitionedDetector detector)
    {
        private readonly EventRate _rate = new();

        public string Next()
        {
            var live = detector.Stats;
            var rate = _rate.Next(live.Events);
            var watermark = EventRate.Watermark(live.WatermarkMs);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{DateTime.Now:HH:mm:ss} partitions {detector.AssignedPartitions} ({detector.CaughtUpPartitions} caught up), detected {live.Events:N0} ({rate:N0}/s; late {live.LateEvents:N0}, duplicates {detector.Duplicates:N0}), alert changes {live.AlertChangesWritten:N0}, slowest watermark {watermark} +07{(live.TuningError is { } tuning ? $", {tuning}" : string.Empty)}");
        }
    }
}
