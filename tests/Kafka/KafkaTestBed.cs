using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using LogSentinel.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace LogSentinel.Tests.Kafka;

/// <summary>
/// One test's Kafka world: an in-process cluster with its topics, a fresh database on the shared embedded engine,
/// a producer, and workers built the way the ingest command builds them.
/// </summary>
internal sealed class KafkaTestBed : IAsyncDisposable
{
    public const string GatewayTopic = "gateway-access";
    public const string AppTopic = "app-events";

    /// <summary>Generous: only a hang reaches it; every wait ends on a condition long before.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(50);

    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray();

    private readonly List<IDisposable> _owned = [];
    private readonly IProducer<Null, byte[]> _producer;

    private KafkaTestBed(MockKafkaCluster cluster, ILogStore store, string database)
    {
        Cluster = cluster;
        Store = store;
        Database = database;
        _producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            LingerMs = 5,
            BatchNumMessages = 10_000,
        }).Build();
    }

    public MockKafkaCluster Cluster { get; }

    public ILogStore Store { get; }

    public string Database { get; }

    public static async Task<KafkaTestBed> StartAsync(int gatewayPartitions = 6, int appPartitions = 4)
    {
        var cluster = new MockKafkaCluster();
        cluster.CreateTopic(GatewayTopic, gatewayPartitions);
        cluster.CreateTopic(AppTopic, appPartitions);
        var database = SharedEngine.NewDatabase("kafka");
        var store = await SharedEngine.OpenMigratedAsync(database);
        return new KafkaTestBed(cluster, store, database);
    }

    /// <summary>Fast failure detection and backoff, so rebalances and outages take a few seconds, not minutes.</summary>
    public KafkaSourceOptions Options(string appFormat = "app-json") => new()
    {
        BootstrapServers = Cluster.BootstrapServers,
        GroupId = "test-ingest",
        Topics = new Dictionary<string, string> { [GatewayTopic] = "gateway-json", [AppTopic] = appFormat },
        SessionTimeoutMs = 3000,
    };

    public static IngestOptions Batching(int maxLines = 5000) => new() { BatchMaxLines = maxLines, BatchMaxWaitMs = 100 };

    /// <summary>Retries store failures forever, quickly.</summary>
    public static ResiliencePipeline FastRetry() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<StoreException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(300),
        })
        .Build();

    /// <summary>A worker over <paramref name="store"/> (default the bed's store) with its own pipeline, as one ingest process would have.</summary>
    public KafkaIngestWorker Worker(ILogStore? store = null, KafkaSourceOptions? options = null, IngestOptions? batching = null)
    {
        store ??= Store;
        var pseudonymizer = new CitizenIdPseudonymizer(Key);
        var sealer = new DeadLetterSealer(Key);
        var metrics = new IngestMetrics();
        var pipeline = new IngestPipeline(store, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
        var worker = new KafkaIngestWorker(
            pipeline, store.State, options ?? Options(), batching ?? Batching(), FastRetry(), metrics, NullLogger.Instance);
        _owned.AddRange([worker, pipeline, metrics, sealer, pseudonymizer]);
        return worker;
    }

    /// <summary>Produces <paramref name="values"/> round-robin over the topic's partitions; returns each value's partition and offset.</summary>
    public IReadOnlyList<TopicPartitionOffset> Produce(string topic, int partitions, IEnumerable<byte[]?> values)
    {
        var positions = new List<TopicPartitionOffset>();
        var errors = new List<string>();
        var index = 0;
        foreach (var value in values)
        {
            var slot = positions.Count;
            positions.Add(null!);
            _producer.Produce(new TopicPartition(topic, new Partition(index++ % partitions)), new Message<Null, byte[]> { Value = value! }, report =>
            {
                if (report.Error.IsError)
                {
                    lock (errors)
                    {
                        errors.Add(report.Error.Reason);
                    }
                }
                else
                {
                    positions[slot] = report.TopicPartitionOffset;
                }
            });
        }

        var left = _producer.Flush(Patience);
        Assert.Equal(0, left);
        Assert.Empty(errors);
        return positions;
    }

    /// <summary>Runs until <paramref name="done"/> holds, then stops the worker gracefully.</summary>
    public static async Task RunUntilAsync(KafkaIngestWorker worker, Func<Task<bool>> done)
    {
        using var stop = new CancellationTokenSource();
        var run = worker.RunAsync(stop.Token);
        await WaitForAsync(done, run);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails early if <paramref name="running"/> ends first.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, Task? running = null)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            if (running is { IsCompleted: true })
            {
                await running;
                Assert.Fail("The worker stopped before the condition held.");
            }

            await Task.Delay(20, patience.Token);
        }
    }

    public async Task<long> ScalarAsync(string sql)
    {
        var text = Encoding.UTF8.GetString(await Store.RunOperatorQueryAsync(sql + " FORMAT TSV")).Trim();
        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    public Task<long> CountAsync(string table) => ScalarAsync($"SELECT count() FROM {Database}.{table}");

    /// <summary>Events stored more than once (same key), over both event tables.</summary>
    public async Task<long> DuplicateKeysAsync() =>
        await ScalarAsync($"SELECT count() - uniqExact(event_key) FROM {Database}.gateway_events")
        + await ScalarAsync($"SELECT count() - uniqExact(event_key) FROM {Database}.app_events");

    public async ValueTask DisposeAsync()
    {
        _producer.Dispose();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Store.RunOperatorQueryAsync($"DROP DATABASE IF EXISTS {Database}");
        await Store.DisposeAsync();
        Cluster.Dispose();
    }
}
