using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Cli.Serve;
using LogSentinel.Detect.Live;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Reference;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Report;
using LogSentinel.Simulate;
using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Scenarios;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Configuration;

namespace LogSentinel.Cli.Demo;

/// <summary>
/// <c>logsentinel demo</c>: everything in one process on the embedded store. A librdkafka mock cluster, the
/// simulator producing a province with every attack scenario to it at an accelerated clock, the live pipeline
/// (<c>run</c>'s <see cref="LiveRunner"/>) storing and detecting, the API and console with a local admin key, and
/// the daily report of the first simulated day once that day is detected. Ctrl-C stops it all.
/// </summary>
internal static class DemoCommand
{
    private const string GatewayTopic = "gateway-access";
    private const string AppTopic = "app-events";

    // Spread over the 8 demo partitions, 50,000 lines of a few hundred bytes stay well below the mock
    // cluster's 5 MiB per partition.
    private const long MaxMessagesAhead = 50_000;

    // A Tuesday: 1 January is a public holiday in Vietnam, a quiet first day for someone watching the console.
    private static readonly DateOnly FirstDay = new(2024, 1, 2);

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port of the API and console on 127.0.0.1 (default 8080; 0 picks a free one).", DefaultValueFactory = _ => 8080 };
        var speed = new Option<double>("--speed") { Description = "Simulated time per wall-clock time (default 600: ten minutes a second).", DefaultValueFactory = _ => 600 };
        var days = new Option<int>("--days") { Description = "Simulated days (default 3).", DefaultValueFactory = _ => 3 };
        var accounts = new Option<int>("--accounts") { Description = "Staff accounts of the simulated province (default 300).", DefaultValueFactory = _ => 300 };
        var reset = new Option<bool>("--reset") { Description = "Drop LogSentinel's database in the data directory first and start afresh." };
        var statusInterval = new Option<int>("--status-interval") { Description = "Seconds between status lines (default 5).", DefaultValueFactory = _ => 5 };
        var command = new Command("demo", "See it all: simulated province, in-process Kafka, live detection, API and console, daily report; Ctrl-C stops.")
        {
            port, speed, days, accounts, reset, statusInterval,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new DemoSettings(
                parse.GetValue(port), parse.GetValue(speed), parse.GetValue(days), parse.GetValue(accounts), parse.GetValue(reset), parse.GetValue(statusInterval));
            settings.Validate();
            return await RunAsync(parse, settings, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, DemoSettings settings, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var storeOptions = StoreOpener.ReadOptions(parse);
        if (storeOptions.Transport != StoreTransport.Embedded)
        {
            throw new ConfigurationException("demo runs on the embedded store only (Store:Transport=Embedded); use run and serve against a ClickHouse server.");
        }

        var dataDir = Path.GetFullPath(storeOptions.Embedded.DataDir);
        var configuration = CliConfiguration.Build(parse);
        var live = IngestRuntime.Bind<LiveOptions>(configuration, LiveOptions.SectionName);
        var kafka = IngestRuntime.Bind<KafkaSourceOptions>(configuration, KafkaSourceOptions.SectionName);
        var detection = ReplayCommand.ReadOptions(parse);
        var apiOptions = ServeCommand.ReadOptions(parse, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{settings.Port}"));

        using var stop = new StopSignals(cancellationToken);

        await using var runtime = await IngestRuntime.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
        var store = runtime.Store;
        var simulate = await PrepareStoreAsync(store, settings.Reset, dataDir, output, cancellationToken).ConfigureAwait(false);

        using var loggerFactory = ConsoleLogging.Create(configuration);

        // The API and console first: the user can open them while the province is still being simulated.
        var localAdmin = LocalAdminToken.Create();
        await using var api = await OwnedApi.StartAsync(parse, store, storeOptions, apiOptions, localAdmin, runtime.Pseudonymizer, cancellationToken).ConfigureAwait(false);
        var url = api.Url;
        await DemoGuide.WriteAsync(output, url, localAdmin.Key, dataDir, settings, simulate).ConfigureAwait(false);
        if (!simulate)
        {
            await output.WriteLineAsync("Serving the data already stored; Ctrl-C stops.").ConfigureAwait(false);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await WaitForStopAsync(stop.Token).ConfigureAwait(false);
            return 0;
        }

        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic(GatewayTopic, 4);
        cluster.CreateTopic(AppTopic, 4);
        kafka.BootstrapServers = cluster.BootstrapServers;
        kafka.Topics = new Dictionary<string, string>(StringComparer.Ordinal) { [GatewayTopic] = "gateway-json", [AppTopic] = "app-json" };
        ValidateOrThrow(kafka.Validate, live.Validate);

        var referenceDir = Path.Combine(dataDir, "demo-world");
        var simulation = new SimulationOptions
        {
            Start = FirstDay,
            Days = settings.Days,
            Accounts = settings.Accounts,
            Scenarios = ScenarioSelection.Parse("all"),
            Parallelism = Math.Max(1, Environment.ProcessorCount / 2),
        };
        ValidateOrThrow(simulation.Validate);
        var backlog = new ConsumerBacklogGate(MaxMessagesAhead, TimeProvider.System);
        var sink = new FirstWriteSink(new KafkaEventSink(cluster.BootstrapServers, GatewayTopic, AppTopic, settings.Speed, TimeProvider.System, backlog));
        var producer = ProduceAsync(simulation, sink, referenceDir, stop.Token);
        await Task.WhenAny(sink.Started, producer).ConfigureAwait(false);
        if (producer.IsCompleted)
        {
            await producer.ConfigureAwait(false);
        }

        var reference = new ReferenceFiles(
            new FileInfo(Path.Combine(referenceDir, "accounts.csv")),
            new FileInfo(Path.Combine(referenceDir, "networks.csv")),
            new FileInfo(Path.Combine(referenceDir, "delegations.csv")));
        await reference.Parse().WithAccountPseudonyms(runtime.Pseudonymizer).LoadAsync(store.Reference, Environment.UserName, cancellationToken).ConfigureAwait(false);

        var engine = (await EngineSetup.CreateAsync(store, detection, cancellationToken).ConfigureAwait(false)).Engine;
        using var runner = new LiveRunner(
            store, runtime.Pipeline, engine, kafka, runtime.Options, live, detection.AllowedLateness,
            IngestRuntime.StoreRetry(maxAttempts: int.MaxValue), runtime.Metrics, loggerFactory.CreateLogger("LogSentinel.Live"), TimeProvider.System,
            Tuning.TunePreviewCommand.ReadOptions(parse));
        backlog.Attach(() => runner.IngestStats.Messages);
        var run = runner.RunAsync(stop.Token);
        var report = new FirstDayReport(new ReportService(store, Report.ReportSettings.ReadReportOptions(parse)), FirstDay, detection.AllowedLateness, dataDir, output);
        var reporting = report.RunAsync(runner, producer, stop.Token);
        var status = new LiveStatusLine(runner);
        try
        {
            await StatusLoop.RunAsync(run, () => $"{status.Next()}{(producer.IsCompletedSuccessfully ? ", simulator done" : string.Empty)}", output, settings.StatusInterval, stop.Token)
                .ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await IgnoreCancellationAsync(producer).ConfigureAwait(false);
            await IgnoreCancellationAsync(reporting).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Stopped: {runner.IngestStats.EventsWritten:N0} events stored, {runner.Stats.Events:N0} detected, {runner.Stats.AlertChangesWritten:N0} alert changes written, {runner.Stats.Checkpoints:N0} checkpoints.")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>With <c>--reset</c> drops the store's database; returns whether to simulate (false: the data dir holds an earlier demo's data).</summary>
    private static async Task<bool> PrepareStoreAsync(LogSentinel.Store.ILogStore store, bool reset, string dataDir, TextWriter output, CancellationToken cancellationToken)
    {
        if (reset)
        {
            await output.WriteLineAsync($"--reset: dropping database {store.Description.Database} in {dataDir} (only LogSentinel's database; no other file is touched).").ConfigureAwait(false);
            await store.DropDatabaseAsync(cancellationToken).ConfigureAwait(false);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        var counts = await store.GetTableRowCountsAsync(cancellationToken).ConfigureAwait(false);
        var events = counts.Where(c => c.Table is "gateway_events" or "app_events").Sum(c => (decimal)c.Rows);
        if (events == 0)
        {
            return true;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{dataDir} already holds {events:N0} events of an earlier run (database {store.Description.Database}): serving them as they are. Run demo --reset to start afresh.")).ConfigureAwait(false);
        return false;
    }

    private static async Task ProduceAsync(SimulationOptions options, IEventSink sink, string referenceDir, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(referenceDir);
        await using (sink.ConfigureAwait(false))
        {
            await TrafficSimulator.RunAsync(options, sink, referenceDir, TimeProvider.System, progress: null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitForStopAsync(CancellationToken stop)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stop.Register(() => stopped.TrySetResult()).ConfigureAwait(false))
        {
            await stopped.Task.ConfigureAwait(false);
        }
    }

    private static async Task IgnoreCancellationAsync(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the producer and the report wait end here.
        }
    }

    private static void ValidateOrThrow(params Action[] validations)
    {
        foreach (var validate in validations)
        {
            try
            {
                validate();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                throw new ConfigurationException(ex.Message);
            }
        }
    }
}
