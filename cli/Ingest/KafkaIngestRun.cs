using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Cli.Hosting;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using Microsoft.Extensions.Configuration;

namespace LogSentinel.Cli.Ingest;

/// <summary>
/// <c>logsentinel ingest --kafka</c>: consumes the configured topics into the store until Ctrl-C or SIGTERM, printing
/// a status line every few seconds; on the signal, pending batches are written and offsets committed before exit.
/// </summary>
internal static class KafkaIngestRun
{
    public static async Task<int> RunAsync(ParseResult parse, TimeSpan statusInterval, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Build(parse);
        var options = IngestRuntime.Bind<KafkaSourceOptions>(configuration, KafkaSourceOptions.SectionName);
        var republish = IngestRuntime.Bind<RepublishOptions>(configuration, RepublishOptions.SectionName);
        try
        {
            options.Validate();
            republish.Validate();
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        await using var runtime = await IngestRuntime.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
        using var loggerFactory = ConsoleLogging.Create(configuration);
        using var stop = new StopSignals(cancellationToken);

        using var worker = new KafkaIngestWorker(
            runtime.Pipeline,
            runtime.Store.State,
            options,
            runtime.Options,
            IngestRuntime.StoreRetry(maxAttempts: int.MaxValue),
            runtime.Metrics,
            loggerFactory.CreateLogger("LogSentinel.Ingest.Kafka"));
        using var republisher = republish.Enabled ? new EventRepublisher(options, republish) : null;
        worker.Republisher = republisher;
        var output = parse.InvocationConfiguration.Output;
        await output.WriteLineAsync($"Ingesting {string.Join(", ", options.Topics.Keys)} from {options.BootstrapServers} as group {options.GroupId}; Ctrl-C stops.").ConfigureAwait(false);
        if (republisher is not null)
        {
            await output.WriteLineAsync($"Republishing every event to {string.Join(", ", republish.Topics)} for partitioned detect.").ConfigureAwait(false);
        }

        var run = worker.RunAsync(stop.Token);
        var status = new StatusLine(worker.Stats, republisher);
        await StatusLoop.RunAsync(run, status.Next, output, statusInterval, stop.Token).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Stopped: {worker.Stats.LinesWritten:N0} lines written, offsets committed.")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>One line of totals and the rate since the previous line.</summary>
    private sealed class StatusLine(KafkaIngestStats stats, EventRepublisher? republisher)
    {
        private readonly EventRate _rate = new();

        public string Next()
        {
            var events = stats.EventsWritten;
            var rate = _rate.Next(events);
            var lag = stats.Lag < 0 ? "?" : stats.Lag.ToString("N0", CultureInfo.InvariantCulture);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{DateTime.Now:HH:mm:ss} events {events:N0} ({rate:N0}/s), dead letters {stats.DeadLetters:N0}, duplicates dropped {stats.DuplicatesDropped:N0}, lag {lag}, partitions {stats.AssignedPartitions}{(republisher is null ? string.Empty : $", republished {republisher.Events:N0} in {republisher.Messages:N0} messages")}{(stats.Paused ? ", PAUSED: store not keeping up" : string.Empty)}");
        }
    }
}
