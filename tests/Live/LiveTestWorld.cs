using System.Text;
using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Live;
using LogSentinel.Detect.Replay;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Reference;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Simulate;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace LogSentinel.Tests.Live;

/// <summary>
/// A small simulated province, its lines produced to the mock cluster (gateway round-robin over 3 partitions,
/// application three lines a message over 2), and the two ways to detect over it: <c>replay</c> of its files and live runs over Kafka.
/// </summary>
internal sealed class LiveTestWorld : IAsyncDisposable
{
    public const int GatewayPartitions = 3;
    public const int AppPartitions = 2;

    internal static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 13)).ToArray();

    private LiveTestWorld(SimulatedRun run, KafkaTestBed bed)
    {
        Run = run;
        Bed = bed;
    }

    public SimulatedRun Run { get; }

    public KafkaTestBed Bed { get; }

    public int Lines => Run.GatewayLines.Length + Run.AppLines.Length;

    /// <summary>
    /// The settings a <c>run</c> process needs to consume this world's cluster promptly: its brokers and topics, a short
    /// session timeout and batch wait, and windows closed after a second without input (the data is from 2024).
    /// </summary>
    public string[] RunSettings() =>
    [
        "-s", $"Ingest:Kafka:BootstrapServers={Bed.Cluster.BootstrapServers}",
        "-s", "Ingest:Kafka:Topics:gateway-access=gateway-json",
        "-s", "Ingest:Kafka:Topics:app-events=app-json",
        "-s", "Ingest:Kafka:SessionTimeoutMs=3000",
        "-s", "Ingest:BatchMaxWaitMs=100",
        "-s", "Live:IdleTimeout=00:00:01",
    ];

    public static async Task<LiveTestWorld> StartAsync(SimulatedRun run)
    {
        var bed = await KafkaTestBed.StartAsync(GatewayPartitions, AppPartitions);
        var world = new LiveTestWorld(run, bed);
        await LoadReferenceAsync(bed.Store, run);
        bed.Produce(KafkaTestBed.GatewayTopic, GatewayPartitions, run.GatewayLines.Select(Encoding.UTF8.GetBytes));
        // Application lines three to a message: a checkpoint may fall between the lines of one message.
        bed.Produce(KafkaTestBed.AppTopic, AppPartitions, run.AppLines.Chunk(3).Select(lines => Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        return world;
    }

    /// <summary>Replays the world's files into a database of their own, as <c>logsentinel replay</c> does.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ReplayAsync()
    {
        await using var store = await SharedEngine.OpenMigratedAsync(SharedEngine.NewDatabase("lrp"));
        await LoadReferenceAsync(store, Run);
        using var pseudonymizer = new CitizenIdPseudonymizer(Key);
        using var sealer = new DeadLetterSealer(Key);
        using var metrics = new IngestMetrics();
        using var pipeline = new IngestPipeline(store, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
        var runner = new ReplayRunner(store, pipeline, await EngineAsync(store), ResiliencePipeline.Empty, TimeProvider.System, new ReplayOptions { BatchLines = 4096 });
        await runner.RunAsync([Path.Combine(Run.Directory, "gateway.jsonl"), Path.Combine(Run.Directory, "app.jsonl")], CancellationToken.None);
        var alerts = await store.Alerts.ListAsync(new AlertQuery());
        ReplayedBaselines = await store.Baselines.ListAsync();
        await store.RunOperatorQueryAsync($"DROP DATABASE IF EXISTS {store.Description.Database}");
        return alerts;
    }

    /// <summary>The baselines the last <see cref="ReplayAsync"/> stored.</summary>
    public IReadOnlyList<EntityBaselineRecord> ReplayedBaselines { get; private set; } = [];

    /// <summary>A live runner on the bed's store with its own pipeline, as one <c>logsentinel run</c> process has.</summary>
    public async Task<LiveHandle> LiveAsync()
    {
        var pseudonymizer = new CitizenIdPseudonymizer(Key);
        var sealer = new DeadLetterSealer(Key);
        var metrics = new IngestMetrics();
        var pipeline = new IngestPipeline(Bed.Store, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
        var options = new DetectionOptions();
        var runner = new LiveRunner(
            Bed.Store, pipeline, await EngineAsync(Bed.Store), Bed.Options(), KafkaTestBed.Batching(maxLines: 700),
            // Once the backlog is read, a second without input lets the windows close (the data is from 2024).
            new LiveOptions { IdleTimeout = TimeSpan.FromSeconds(1), CheckpointInterval = TimeSpan.FromMilliseconds(200) },
            options.AllowedLateness, KafkaTestBed.FastRetry(), metrics, NullLogger.Instance, TimeProvider.System);
        return new LiveHandle(runner, [runner, pipeline, metrics, sealer, pseudonymizer]);
    }

    /// <summary>Everything stored, fed and closed by the idle timeout, every alert change written.</summary>
    public async Task<bool> IsSettledAsync(LiveRunner runner) =>
        runner.Stats.Queued == 0 && runner.Stats.IdleAdvances > 0 && runner.Stats.AlertChangesWritten == runner.Stats.AlertChanges
        && await Bed.CountAsync("gateway_events") + await Bed.CountAsync("app_events") >= Lines;

    public async ValueTask DisposeAsync() => await Bed.DisposeAsync();

    internal static async Task<DetectionEngine> EngineAsync(ILogStore store) => new(
        new DetectionOptions(),
        new ReferenceData(await store.Reference.GetAccountsAsync(), await store.Reference.GetNetworksAsync(), await store.Reference.GetDelegationsAsync()),
        TimeProvider.System);

    internal static async Task LoadReferenceAsync(ILogStore store, SimulatedRun run) =>
        await new ReferenceFiles(
            new FileInfo(Path.Combine(run.Directory, "accounts.csv")),
            new FileInfo(Path.Combine(run.Directory, "networks.csv")),
            new FileInfo(Path.Combine(run.Directory, "delegations.csv"))).Parse().LoadAsync(store.Reference, "tests", CancellationToken.None);

    /// <summary>A runner and what it owns.</summary>
    internal sealed class LiveHandle(LiveRunner runner, IDisposable[] owned) : IDisposable
    {
        public LiveRunner Runner { get; } = runner;

        public void Dispose()
        {
            foreach (var o in owned)
            {
                o.Dispose();
            }
        }
    }
}
