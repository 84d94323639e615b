using System.Diagnostics;
using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using LogSentinel.Store.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace LogSentinel.Benchmarks;

/// <summary>
/// End-to-end ingest from Kafka, timed once over a large volume (a BenchmarkDotNet loop would re-produce a
/// million messages per iteration): an in-process cluster is filled with gateway-json and app-json lines, then
/// a worker consumes, parses and writes them into a fresh embedded store; the figure is stored events per second
/// from the worker's start (group join included) to the last batch stored.
/// Run with: <c>dotnet run -c Release --project benchmarks -- kafka-ingest [messages] [partitions-per-topic] [batch-lines] [discard]</c>.
/// </summary>
internal static class KafkaIngestRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        // The mock cluster keeps 5 MiB per partition: enough partitions that every pre-produced message is kept.
        var partitions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 64;
        // "discard" as the last argument: batches are parsed but not written, the consumer side's own ceiling.
        var discard = args.Length > 4 && args[4] == "discard";
        var batching = new IngestOptions { BatchMaxLines = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : new IngestOptions().BatchMaxLines };
        var perTopic = messages / 2;
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("gateway-access", partitions);
        cluster.CreateTopic("app-events", partitions);

        var produceClock = Stopwatch.StartNew();
        Produce(cluster.BootstrapServers, "gateway-access", partitions, perTopic, BenchmarkLines.Gateway);
        Produce(cluster.BootstrapServers, "app-events", partitions, perTopic, BenchmarkLines.App);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"produced {2 * perTopic:N0} messages in {produceClock.Elapsed.TotalSeconds:F1} s"));

        // RAW=key=value,...: consume with a bare librdkafka consumer instead (no parsing, no store), to compare settings.
        if (Environment.GetEnvironmentVariable("RAW") is { } raw)
        {
            var c = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "raw", AutoOffsetReset = AutoOffsetReset.Earliest, ConsumeResultFields = "topic" };
            foreach (var kv in raw.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = kv.IndexOf('=', StringComparison.Ordinal);
                c.Set(kv[..eq], kv[(eq + 1)..]);
            }

            using var consumer = new ConsumerBuilder<Ignore, byte[]>(c).Build();
            consumer.Subscribe(["gateway-access", "app-events"]);
            var sw = Stopwatch.StartNew();
            var n = 0;
            while (n < 2 * perTopic)
            {
                if (consumer.Consume(1000) is not null)
                {
                    n++;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw consume {n:N0} in {sw.Elapsed.TotalSeconds:F2} s = {n / sw.Elapsed.TotalSeconds:N0}/s"));
            return 0;
        }

        var dataDir = Path.Combine(Path.GetTempPath(), $"logsentinel-kafka-bench-{Environment.ProcessId}");
        try
        {
            await using var store = StoreFactory.Open(new StoreOptions { Database = "bench_kafka", Embedded = new EmbeddedStoreOptions { DataDir = dataDir } });
            await store.MigrateAsync();
            var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
            using var pseudonymizer = new CitizenIdPseudonymizer(key);
            using var sealer = new DeadLetterSealer(key);
            using var metrics = new IngestMetrics();
            ILogStore target = discard ? new DiscardingStore(store) : store;
            using var pipeline = new IngestPipeline(target, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
            var options = new KafkaSourceOptions
            {
                BootstrapServers = cluster.BootstrapServers,
                Topics = new Dictionary<string, string> { ["gateway-access"] = "gateway-json", ["app-events"] = "app-json" },
                SessionTimeoutMs = 6000,
            };
            // Time inside store writes, from the ingest meter: tells whether the store or the consumer side is the limit.
            double writeMs = 0;
            using var listener = new System.Diagnostics.Metrics.MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IngestMetrics.MeterName && instrument.Name == "logsentinel.ingest.store_write_duration")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, ms, _, _) => writeMs += ms);
            listener.Start();
            using var worker = new KafkaIngestWorker(pipeline, store.State, options, batching, Retry(), metrics, NullLogger.Instance);
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var run = worker.RunAsync(stop.Token);
            var firstMessage = TimeSpan.Zero;
            while (worker.Stats.LinesWritten < 2L * perTopic && !run.IsCompleted)
            {
                if (firstMessage == TimeSpan.Zero && worker.Stats.Messages > 0)
                {
                    firstMessage = clock.Elapsed;
                }

                await Task.Delay(10);
            }

            var elapsed = clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            await stop.CancelAsync();
            await run;
            var stored = await CountAsync(store, "gateway_events") + await CountAsync(store, "app_events");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"ingested {worker.Stats.EventsWritten:N0} events ({stored:N0} in the store, {worker.Stats.DeadLetters} dead letters) in {elapsed.TotalSeconds:F2} s: {worker.Stats.EventsWritten / elapsed.TotalSeconds:N0} events/s; {worker.Stats.Batches} batches; process CPU {cpu.TotalSeconds:F1} s; {writeMs / 1000:F1} s inside batch writes"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first message consumed after {firstMessage.TotalSeconds:F2} s (group join and first fetch)"));
            Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
            return stored == (discard ? 0 : 2L * perTopic) ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static void Produce(string bootstrap, string topic, int partitions, int count, Func<int, byte[]> line)
    {
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrap,
            LingerMs = 20,
            BatchNumMessages = 10_000,
            QueueBufferingMaxMessages = 1_000_000,
        }).Build();
        var failed = 0;
        for (var i = 0; i < count; i++)
        {
            producer.Produce(new TopicPartition(topic, new Partition(i % partitions)), new Message<Null, byte[]> { Value = line(i) }, report =>
            {
                if (report.Error.IsError)
                {
                    Interlocked.Increment(ref failed);
                }
            });
        }

        if (producer.Flush(TimeSpan.FromMinutes(2)) != 0 || failed != 0)
        {
            throw new InvalidOperationException($"{failed} messages to {topic} were not delivered.");
        }
    }

    private static async Task<long> CountAsync(ILogStore store, string table) =>
        long.Parse(Encoding.UTF8.GetString(await store.RunOperatorQueryAsync($"SELECT count() FROM {table} FORMAT TSV")).Trim(), CultureInfo.InvariantCulture);

    private static ResiliencePipeline Retry() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<StoreException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
