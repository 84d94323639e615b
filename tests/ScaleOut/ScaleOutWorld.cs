using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Live;
using LogSentinel.Detect.Live.Partitioned;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Events;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Live;
using LogSentinel.Tests.Simulate;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogSentinel.Tests.ScaleOut;

/// <summary>
/// A small simulated province on the mock cluster with the internal topics of scale-out (by account over 4
/// partitions, by address over 3, wide over 1), the ingest worker that republishes to them, and partitioned detect
/// members, each writing into a database of its own choosing.
/// </summary>
internal sealed class ScaleOutWorld : IAsyncDisposable
{
    public const int AccountPartitions = 4;
    public const int AddressPartitions = 3;
    public const int AllPartitions = AccountPartitions + AddressPartitions + 1;

    private readonly List<IAsyncDisposable> _stores = [];

    private ScaleOutWorld(LiveTestWorld live) => Live = live;

    public LiveTestWorld Live { get; }

    public KafkaTestBed Bed => Live.Bed;

    public RepublishOptions Topics { get; } = new() { Enabled = true, MaxMessageBytes = 64 << 10 };

    public static async Task<ScaleOutWorld> StartAsync(SimulatedRun run)
    {
        var live = await LiveTestWorld.StartAsync(run);
        var world = new ScaleOutWorld(live);
        world.CreateTopics(world.Topics);
        return world;
    }

    /// <summary>Internal topics of other names (a staging copy), laid out as the world's.</summary>
    public static RepublishOptions Named(string prefix) => new()
    {
        Enabled = true,
        MaxMessageBytes = 64 << 10,
        AccountTopic = prefix + ".by-account",
        AddressTopic = prefix + ".by-address",
        WideTopic = prefix + ".wide",
    };

    public void CreateTopics(RepublishOptions topics)
    {
        Bed.Cluster.CreateTopic(topics.AccountTopic, AccountPartitions);
        Bed.Cluster.CreateTopic(topics.AddressTopic, AddressPartitions);
        Bed.Cluster.CreateTopic(topics.WideTopic, 1);
    }

    /// <summary>Every message of the internal topics <paramref name="topics"/>, in offset order per partition, with the newest event time it holds.</summary>
    public List<(int Topic, int Partition, byte[] Value, long MaxTs)> ReadMessages(RepublishOptions topics)
    {
        var found = new List<(int, int, byte[], long)>();
        ReadEach(topics, (result, gateway, app) =>
        {
            var maxTs = Math.Max(gateway.Count > 0 ? gateway.TimestampMs.ToArray().Max() : long.MinValue, app.Count > 0 ? app.TimestampMs.ToArray().Max() : long.MinValue);
            found.Add((topics.Topics.ToList().IndexOf(result.Topic), result.Partition.Value, result.Message.Value, maxTs));
        });
        return found;
    }

    /// <summary>Produces <paramref name="messages"/> to the same partitions of <paramref name="to"/>, in their order.</summary>
    public void Copy(IEnumerable<(int Topic, int Partition, byte[] Value, long MaxTs)> messages, RepublishOptions to)
    {
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig { BootstrapServers = Bed.Cluster.BootstrapServers, EnableIdempotence = true }).Build();
        foreach (var (topic, partition, value, _) in messages)
        {
            producer.Produce(new TopicPartition(to.Topics[topic], partition), new Message<Null, byte[]> { Value = value });
        }

        Assert.Equal(0, producer.Flush(KafkaTestBed.Patience));
    }

    /// <summary>Every partition of <paramref name="topics"/>.</summary>
    public static List<TopicPartition> Layout(RepublishOptions topics)
    {
        var all = new List<TopicPartition>();
        foreach (var (topic, count) in new[] { (topics.AccountTopic, AccountPartitions), (topics.AddressTopic, AddressPartitions), (topics.WideTopic, 1) })
        {
            for (var p = 0; p < count; p++)
            {
                all.Add(new TopicPartition(topic, p));
            }
        }

        return all;
    }

    /// <summary>Whether <paramref name="members"/> together own every partition of <paramref name="ends"/> and have fed each up to its end, every alert change written.</summary>
    public static bool FedUpTo(IReadOnlyDictionary<TopicPartition, long> ends, params PartitionedDetector[] members)
    {
        var positions = new Dictionary<TopicPartition, long>();
        foreach (var member in members)
        {
            foreach (var (tp, next) in member.Positions)
            {
                positions[tp] = next;
            }
        }

        return ends.All(e => positions.TryGetValue(e.Key, out var next) && next >= e.Value)
            && members.All(m => m.Stats.AlertChangesWritten == m.Stats.AlertChanges);
    }

    /// <summary>An ingest worker into the bed's store that republishes, as one <c>ingest --kafka</c> process with <c>Ingest:Republish:Enabled</c>.</summary>
    public (KafkaIngestWorker Worker, EventRepublisher Republisher, IDisposable Owned) IngestWorker(RepublishOptions? topics = null)
    {
        var pseudonymizer = new CitizenIdPseudonymizer(LiveTestWorld.Key);
        var sealer = new DeadLetterSealer(LiveTestWorld.Key);
        var metrics = new IngestMetrics();
        var pipeline = new IngestPipeline(Bed.Store, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
        var worker = new KafkaIngestWorker(
            pipeline, Bed.Store.State, Bed.Options(), KafkaTestBed.Batching(maxLines: 700), KafkaTestBed.FastRetry(), metrics, NullLogger.Instance);
        var republisher = new EventRepublisher(Bed.Options(), topics ?? Topics);
        worker.Republisher = republisher;
        return (worker, republisher, new Owned([worker, republisher, pipeline, metrics, sealer, pseudonymizer]));
    }

    /// <summary>
    /// Ingests and republishes the whole world, then stops the worker gracefully: once every source message not yet
    /// committed by the ingest group is consumed (stored events alone cannot tell after a redelivery, and the worker's
    /// lag reads 0 before its first fetch).
    /// </summary>
    public async Task IngestAllAsync(RepublishOptions? topics = null)
    {
        var remaining = UncommittedMessages();
        var (worker, republisher, owned) = IngestWorker(topics);
        using (owned)
        {
            try
            {
                await KafkaTestBed.RunUntilAsync(worker, async () => worker.Stats.Messages >= remaining && await StoredAsync() == Live.Lines);
            }
            catch (OperationCanceledException)
            {
                var stored = await StoredAsync();
                Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"ingest not done: stored {stored} of {Live.Lines} lines, consumed {worker.Stats.Messages} of {remaining}, written {worker.Stats.LinesWritten}, dead letters {worker.Stats.DeadLetters}, republished {republisher.Events} in {republisher.Messages}"));
            }
        }
    }

    /// <summary>Source messages after the ingest group's committed offsets (all of them before its first commit).</summary>
    private long UncommittedMessages()
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig { BootstrapServers = Bed.Cluster.BootstrapServers, GroupId = Bed.Options().GroupId }).Build();
        var partitions = Enumerable.Range(0, LiveTestWorld.GatewayPartitions).Select(p => new TopicPartition(KafkaTestBed.GatewayTopic, p))
            .Concat(Enumerable.Range(0, LiveTestWorld.AppPartitions).Select(p => new TopicPartition(KafkaTestBed.AppTopic, p))).ToList();
        return consumer.Committed(partitions, TimeSpan.FromSeconds(10)).Sum(c =>
        {
            var watermarks = consumer.QueryWatermarkOffsets(c.TopicPartition, TimeSpan.FromSeconds(10));
            return watermarks.High.Value - Math.Max(c.Offset.Value, watermarks.Low.Value);
        });
    }

    public async Task<long> StoredAsync() => await Bed.CountAsync("gateway_events") + await Bed.CountAsync("app_events");

    /// <summary>A fresh database with the world's reference data, for one detect deployment's alerts and checkpoints.</summary>
    public async Task<ILogStore> DetectStoreAsync()
    {
        var store = await SharedEngine.OpenMigratedAsync(SharedEngine.NewDatabase("pdet"));
        _stores.Add(new DropOnDispose(store));
        await LiveTestWorld.LoadReferenceAsync(store, Live.Run);
        return store;
    }

    /// <summary>A partitioned detect member of group <paramref name="group"/> writing into <paramref name="store"/>.</summary>
    public async Task<PartitionedDetector> MemberAsync(ILogStore store, string group = "test-detect", RepublishOptions? topics = null, bool idle = true)
    {
        var reference = new ReferenceData(
            await store.Reference.GetAccountsAsync(), await store.Reference.GetNetworksAsync(), await store.Reference.GetDelegationsAsync());
        var options = new DetectionOptions();
        return new PartitionedDetector(
            store, () => new DetectionEngine(options, reference, TimeProvider.System), Bed.Options(), topics ?? Topics,
            new LiveOptions
            {
                Source = LiveOptions.InternalSource,
                DetectGroupId = group,
                // Once a partition is read to its end, a second without input closes its windows (the data is from 2024).
                // Without idle: event time moves only with events, so a pause in the input cannot make later events late.
                IdleTimeout = idle ? TimeSpan.FromSeconds(1) : TimeSpan.Zero,
                CheckpointInterval = TimeSpan.FromMilliseconds(200),
            },
            options.AllowedLateness, KafkaTestBed.FastRetry(), NullLogger.Instance, TimeProvider.System);
    }

    /// <summary>Every partition owned by one of <paramref name="members"/>, read to its end, closed by the idle rule, every alert change written.</summary>
    public static bool Settled(params PartitionedDetector[] members) =>
        members.Sum(m => m.AssignedPartitions) == AllPartitions
        && members.Sum(m => m.SettledPartitions) == AllPartitions
        && members.All(m => m.Stats.AlertChangesWritten == m.Stats.AlertChanges);

    /// <summary>Runs the members until they are settled, then stops them gracefully.</summary>
    public static async Task RunUntilSettledAsync(params PartitionedDetector[] members)
    {
        using var stop = new CancellationTokenSource();
        var runs = members.Select(m => m.RunAsync(stop.Token)).ToArray();
        await WaitSettledAsync(members, runs);
        await stop.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(KafkaTestBed.Patience);
    }

    public static async Task WaitSettledAsync(PartitionedDetector[] members, Task[] runs)
    {
        try
        {
            await KafkaTestBed.WaitForAsync(() => Task.FromResult(Settled(members)), Task.WhenAny(runs));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(string.Join("; ", members.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"member: partitions {m.AssignedPartitions}, settled {m.SettledPartitions}, fed {m.Stats.Events}, alerts {m.Stats.AlertChangesWritten}/{m.Stats.AlertChanges}"))));
        }
    }

    /// <summary>What an alert decided: the fields that must not depend on how many members detected.</summary>
    public static string Decision(AlertRecord a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Id} {a.Type} {a.EntityKind} {a.Entity} {a.WindowStart:O} {a.WindowEnd:O} {a.FirstSeen:O} {a.LastSeen:O} x{a.Occurrences} score {a.Score} at {a.DetectedAt:O}");

    /// <summary>Reads every message of the internal topics and decodes its events: topic, partition, and each event's key, account and address.</summary>
    public List<(string Topic, int Partition, ulong Key, string Account, UInt128 Ip)> ReadInternalTopics()
    {
        var found = new List<(string, int, ulong, string, UInt128)>();
        ReadEach(Topics, (result, gateway, app) =>
        {
            for (var i = 0; i < gateway.Count; i++)
            {
                found.Add((result.Topic, result.Partition.Value, gateway.EventKey[i], gateway.Account.GetString(i), gateway.ClientIp[i]));
            }

            for (var i = 0; i < app.Count; i++)
            {
                found.Add((result.Topic, result.Partition.Value, app.EventKey[i], app.Account.GetString(i), app.ClientIp[i]));
            }
        });
        return found;
    }

    /// <summary>Reads every partition of <paramref name="topics"/> from its beginning to its end and hands over each message with its events decoded.</summary>
    private void ReadEach(RepublishOptions topics, Action<ConsumeResult<Ignore, byte[]>, GatewayEventBatch, AppEventBatch> onMessage)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(new ConsumerConfig
        {
            BootstrapServers = Bed.Cluster.BootstrapServers,
            GroupId = "test-reader",
            EnablePartitionEof = true,
            EnableAutoCommit = false,
        }).Build();
        var partitions = Layout(topics).Select(tp => new TopicPartitionOffset(tp, Offset.Beginning)).ToList();
        consumer.Assign(partitions);
        var ended = new HashSet<TopicPartition>();
        var gateway = new GatewayEventBatch(64);
        var app = new AppEventBatch(64);
        var order = new List<bool>();
        using var patience = new CancellationTokenSource(KafkaTestBed.Patience);
        while (ended.Count < partitions.Count)
        {
            var result = consumer.Consume(patience.Token);
            if (result.IsPartitionEOF)
            {
                ended.Add(result.TopicPartition);
                continue;
            }

            gateway.Clear();
            app.Clear();
            order.Clear();
            EventMessageCodec.Decode(result.Message.Value, gateway, app, order, result.TopicPartitionOffset.ToString());
            onMessage(result, gateway, app);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        await Live.DisposeAsync();
    }

    private sealed class Owned(IDisposable[] owned) : IDisposable
    {
        public void Dispose()
        {
            foreach (var o in owned)
            {
                o.Dispose();
            }
        }
    }

    private sealed class DropOnDispose(ILogStore store) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await store.RunOperatorQueryAsync($"DROP DATABASE IF EXISTS {store.Description.Database}");
            await store.DisposeAsync();
        }
    }
}
