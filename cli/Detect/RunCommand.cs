using System.CommandLine;
using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Cli.Reference;
using LogSentinel.Cli.Serve;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Live;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Reference;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Configuration;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// <c>logsentinel run</c>: live mode in one process. Consumes the topics of <c>Ingest:Kafka</c> into the store as
/// <c>ingest --kafka</c> does and detects over every event in event time, writing alerts as they are raised, until
/// Ctrl-C or SIGTERM; then it stores what is pending, writes the alerts and a checkpoint, commits and leaves the group.
/// On the embedded store it also serves the query API and console (<c>Run:ServeApi</c>, default on) and leaves
/// <c>serve.json</c> in the data directory, so the operator's commands work through it while it holds the directory.
/// <c>logsentinel detect</c> is the same loop for a deployment whose <c>ingest</c> role stores the events: it reads
/// the same topics in a group of its own (<c>Live:DetectGroupId</c>) and writes only alerts and its checkpoints.
/// </summary>
internal static class RunCommand
{
    public static Command Create() => Create(
        "run", "Live mode: consume the Kafka topics of Ingest:Kafka into the store and detect over them in event time until Ctrl-C.", detectOnly: false);

    public static Command CreateDetect() => Create(
        "detect",
        "Detect over the Kafka topics of Ingest:Kafka in event time, beside an ingest group that stores the events; writes alerts only, until Ctrl-C.",
        detectOnly: true);

    private static Command Create(string name, string description, bool detectOnly)
    {
        var statusInterval = new Option<int>("--status-interval")
        {
            Description = "Seconds between status lines (default 5).",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command(name, description);
        command.Options.Add(RefLoadCommand.Accounts);
        command.Options.Add(RefLoadCommand.Networks);
        command.Options.Add(RefLoadCommand.Delegations);
        command.Options.Add(statusInterval);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var seconds = parse.GetValue(statusInterval);
            if (seconds is < 1 or > 3600)
            {
                throw new ConfigurationException($"--status-interval must be between 1 and 3600 seconds; it is {seconds}.");
            }

            return await RunAsync(parse, TimeSpan.FromSeconds(seconds), detectOnly, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, TimeSpan statusInterval, bool detectOnly, CancellationToken cancellationToken)
    {
        var configuration = CliConfiguration.Build(parse);
        var kafka = IngestRuntime.Bind<KafkaSourceOptions>(configuration, KafkaSourceOptions.SectionName);
        var live = IngestRuntime.Bind<LiveOptions>(configuration, LiveOptions.SectionName);
        var republish = IngestRuntime.Bind<RepublishOptions>(configuration, RepublishOptions.SectionName);
        var partitioned = detectOnly && live.ReadsInternalTopics;
        try
        {
            live.Validate();
            republish.Validate();
            if (!detectOnly && live.ReadsInternalTopics)
            {
                throw new InvalidOperationException("Live:Source=internal applies to detect; run reads the log topics of Ingest:Kafka itself (Live:Source=raw).");
            }

            if (partitioned)
            {
                // The internal topics come from Ingest:Republish; Ingest:Kafka gives only brokers and security.
                ValidateBrokers(kafka);
            }
            else
            {
                kafka.Validate();
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        var detection = ReplayCommand.ReadOptions(parse);
        var referenceFiles = new ReferenceFiles(parse.GetValue(RefLoadCommand.Accounts), parse.GetValue(RefLoadCommand.Networks), parse.GetValue(RefLoadCommand.Delegations));
        var parsed = referenceFiles.IsEmpty ? null : referenceFiles.Parse();
        await using var runtime = await IngestRuntime.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
        if (parsed is not null)
        {
            await parsed.WithAccountPseudonyms(runtime.Pseudonymizer).LoadAsync(runtime.Store.Reference, Environment.UserName, cancellationToken).ConfigureAwait(false);
        }

        var setup = await EngineSetup.CreateAsync(runtime.Store, detection, cancellationToken).ConfigureAwait(false);
        var engine = setup.Engine;

        // Beside the pipeline, the API over the same open store: other commands go through it while run holds the data directory.
        await using var api = await StartApiAsync(parse, runtime, detectOnly, cancellationToken).ConfigureAwait(false);

        using var loggerFactory = ConsoleLogging.Create(configuration);
        using var stop = new StopSignals(cancellationToken);

        if (partitioned)
        {
            return await PartitionedDetectRun.RunAsync(
                parse, runtime.Store, setup.NewEngine, kafka, republish, live, detection.AllowedLateness, loggerFactory, statusInterval, stop.Token).ConfigureAwait(false);
        }

        if (detectOnly)
        {
            kafka.GroupId = live.DetectGroupId;
        }

        // The detect role parses with the same pipeline, but its event and dead-letter writes go nowhere.
        using var detectOnlyPipeline = detectOnly
            ? new IngestPipeline(new DetectionOnlyStore(runtime.Store), runtime.Pseudonymizer, runtime.Sealer, runtime.Options.Parsing, runtime.Metrics, TimeProvider.System)
            : null;
        using var runner = new LiveRunner(
            runtime.Store, detectOnlyPipeline ?? runtime.Pipeline, engine, kafka, runtime.Options, live, detection.AllowedLateness,
            IngestRuntime.StoreRetry(maxAttempts: int.MaxValue), runtime.Metrics, loggerFactory.CreateLogger("LogSentinel.Live"), TimeProvider.System,
            Tuning.TunePreviewCommand.ReadOptions(parse));
        var output = parse.InvocationConfiguration.Output;
        await output.WriteLineAsync($"Detecting live on {string.Join(", ", kafka.Topics.Keys)} from {kafka.BootstrapServers} as group {kafka.GroupId}; Ctrl-C stops.").ConfigureAwait(false);
        if (api is not null)
        {
            await output.WriteLineAsync($"Serving the API and console on {string.Join(", ", api.Urls)} (database {runtime.Store.Description.Database}); other commands on this data directory go through it.")
                .ConfigureAwait(false);
        }

        var run = runner.RunAsync(stop.Token);
        // On one node, run makes the daily report itself (Report:Schedule); beside a serve role, detect leaves it to serve.
        var reports = detectOnly ? Task.CompletedTask : Report.ReportSettings.CreateScheduler(parse, runtime.Store).RunAsync(stop.Token);
        var status = new LiveStatusLine(runner);
        await StatusLoop.RunAsync(run, status.Next, output, statusInterval, stop.Token).ConfigureAwait(false);
        await reports.ConfigureAwait(false);
        var latency = runner.Stats.Latency;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Stopped: {(detectOnly ? string.Empty : $"{runner.IngestStats.EventsWritten:N0} events stored, ")}{runner.Stats.Events:N0} detected, {runner.Stats.AlertChangesWritten:N0} alert changes written, {runner.Stats.Checkpoints:N0} checkpoints{(runner.Resumed ? " (resumed from a checkpoint)" : string.Empty)}.")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Alert latency (deciding event consumed -> alert stored), {latency.Count:N0} changes: p50 {latency.Percentile(50):N0} ms, p95 {latency.Percentile(95):N0} ms, max {latency.Percentile(100):N0} ms")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The API of <c>run</c> on the embedded store (Run:ServeApi, default on); null for <c>detect</c>, a server store or when turned off.</summary>
    private static async Task<OwnedApi?> StartApiAsync(ParseResult parse, IngestRuntime runtime, bool detectOnly, CancellationToken cancellationToken)
    {
        var storeOptions = StoreOpener.ReadOptions(parse);
        if (detectOnly || storeOptions.Transport != StoreTransport.Embedded || !SettingsSection.Read<RunApiOptions>(parse, RunApiOptions.SectionName, _ => { }).ServeApi)
        {
            return null;
        }

        var apiOptions = ServeCommand.ReadOptions(parse, urls: null);
        return await OwnedApi.StartAsync(parse, runtime.Store, storeOptions, apiOptions, LocalAdminToken.Create(), runtime.Pseudonymizer, cancellationToken).ConfigureAwait(false);
    }

    private static void ValidateBrokers(KafkaSourceOptions kafka)
    {
        var check = new KafkaSourceOptions
        {
            BootstrapServers = kafka.BootstrapServers,
            Topics = new Dictionary<string, string>(StringComparer.Ordinal) { ["placeholder"] = "auto" },
            SecurityProtocol = kafka.SecurityProtocol,
            SaslMechanism = kafka.SaslMechanism,
            SaslUsername = kafka.SaslUsername,
            SaslPassword = kafka.SaslPassword,
            SslCaLocation = kafka.SslCaLocation,
            SessionTimeoutMs = kafka.SessionTimeoutMs,
            ShutdownGraceMs = kafka.ShutdownGraceMs,
        };
        check.Validate();
    }
}
