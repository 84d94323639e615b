using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Live.Partitioned;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Reference;
using LogSentinel.Ingest.Telemetry;

namespace LogSentinel.Benchmarks;

/// <summary>
/// The detection cost of partitioned <c>detect</c>, Kafka excluded: a simulated province's files are parsed, merged by
/// event time, encoded as the ingest role republishes them (one message per release of <c>chunk</c> events and
/// target partition), and each internal partition's messages are fed to its own engine (decode, duplicate check,
/// all detectors, scope), one partition after another on one thread, timed. The mock cluster only gives the
/// republisher its partition counts. Prints events fed per second per topic and overall, and source events per
/// second (each source event is fed up to three times: by account, by address, wide).
/// Run with: <c>dotnet run -c Release --project benchmarks -- partition-feed SIM_DIR [partitions] [chunk]</c>.
/// </summary>
internal static class PartitionFeedRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dir = args[1];
        var partitions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;
        var chunk = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5_000;
        var parsed = new ReferenceFiles(
            new FileInfo(Path.Combine(dir, "accounts.csv")), new FileInfo(Path.Combine(dir, "networks.csv")), new FileInfo(Path.Combine(dir, "delegations.csv"))).Parse();
        var reference = new ReferenceData(parsed.Accounts?.Records ?? [], parsed.Networks?.Records ?? [], parsed.Delegations?.Records ?? []);

        // Parse both files into one batch (the pipeline's store is never written).
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        using var pseudonymizer = new CitizenIdPseudonymizer(key);
        using var sealer = new DeadLetterSealer(key);
        using var metrics = new IngestMetrics();
        using var pipeline = new IngestPipeline(null!, pseudonymizer, sealer, new ParserOptions(), metrics, TimeProvider.System);
        var batch = new IngestBatch(1 << 20);
        var clock = Stopwatch.StartNew();
        foreach (var (file, format) in new[] { ("gateway.jsonl", LogFormat.GatewayJson), ("app.jsonl", LogFormat.AppJson) })
        {
            var source = new LineSource(file);
            long n = 0;
            foreach (var line in File.ReadLines(Path.Combine(dir, file)))
            {
                pipeline.Add(System.Text.Encoding.UTF8.GetBytes(line), LineOrigin.FileLine(source, format, ++n), batch);
            }
        }

        var gateway = batch.Gateway;
        var app = batch.App;
        var total = gateway.Count + app.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parsed {total:N0} events in {clock.Elapsed.TotalSeconds:F1} s"));

        using var cluster = new MockKafkaCluster();
        var topics = new RepublishOptions { Enabled = true };
        cluster.CreateTopic(topics.AccountTopic, partitions);
        cluster.CreateTopic(topics.AddressTopic, partitions);
        cluster.CreateTopic(topics.WideTopic, 1);
        using var republisher = new EventRepublisher(new KafkaSourceOptions { BootstrapServers = cluster.BootstrapServers }, topics);

        // Event-time order, as the ingest role's merge releases them; then one release per chunk of events.
        var order = Enumerable.Range(0, total).OrderBy(i => i < gateway.Count ? gateway.TimestampMs[i] : app.TimestampMs[i - gateway.Count]).ThenBy(i => i).ToArray();
        var messages = new Dictionary<TopicPartition, List<byte[]>>();
        var events = new List<PendingEvent>(chunk);
        for (var at = 0; at < order.Length; at += chunk)
        {
            events.Clear();
            foreach (var i in order.AsSpan(at, Math.Min(chunk, order.Length - at)))
            {
                events.Add(i < gateway.Count ? republisher.EncodeGateway(gateway, i, 0) : republisher.EncodeApp(app, i - gateway.Count, 0));
            }

            foreach (var (target, value) in republisher.ToMessages(events))
            {
                if (!messages.TryGetValue(target, out var list))
                {
                    messages[target] = list = [];
                }

                list.Add(value);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"encoded {messages.Values.Sum(m => m.Count):N0} messages, {messages.Values.Sum(m => m.Sum(v => (long)v.Length)) / 1e6:F1} MB; load {File.ReadAllText("/proc/loadavg").Trim()}"));

        var options = new DetectionOptions();
        var changes = new List<(DetectedAlert, long)>();
        var drained = new List<DetectedAlert>();
        long fedAll = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        foreach (var topic in topics.Topics)
        {
            var topicClock = Stopwatch.StartNew();
            long fed = 0;
            var alerts = 0;
            foreach (var (target, list) in messages.Where(m => m.Key.Topic == topic).OrderBy(m => m.Key.Partition.Value))
            {
                var engine = new DetectionEngine(options, reference, TimeProvider.System)
                {
                    Scope = topic == topics.AccountTopic ? AlertScope.Account : topic == topics.AddressTopic ? AlertScope.Ip : AlertScope.Wide,
                };
                var partition = new PartitionEngine(topic, target.Partition.Value, "bench", engine, null, null, 0);
                for (var offset = 0; offset < list.Count; offset++)
                {
                    partition.Feed(list[offset], offset, 0, "bench", changes, drained);
                }

                engine.Complete();
                partition.Collect(0, changes, drained);
                alerts += changes.Select(c => c.Item1.Id).Distinct().Count();
                changes.Clear();
                fed += partition.Fed;
            }

            fedAll += fed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{topic}: {fed:N0} events fed in {topicClock.Elapsed.TotalSeconds:F2} s = {fed / topicClock.Elapsed.TotalSeconds:N0}/s, {alerts} alerts"));
        }

        var seconds = wall.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all partitions, one thread: {fedAll:N0} events fed in {seconds:F2} s ({cpuSeconds:F2} CPU-s) = {fedAll / seconds:N0} fed/s, {total / seconds:N0} source events/s; load {File.ReadAllText("/proc/loadavg").Trim()}"));
        await Task.CompletedTask.ConfigureAwait(false);
        return 0;
    }
}
