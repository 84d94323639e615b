using LogSentinel.Cli.Demo;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Simulate;
using LogSentinel.Simulate.Output;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.Cli;

public sealed class ConsumerBacklogGateTests
{
    private const long MaxAhead = 300;

    [Fact]
    public async Task TheDemoSimulator_StopsAtTheBacklogLimit_UntilTheConsumerReads_AndSendsEveryLine()
    {
        using var files = SimulatedRun.Create(days: 1, accounts: 40, "brute_force", seed: 5);
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("gateway-access", 2);
        cluster.CreateTopic("app-events", 2);
        var directory = Path.Combine(Path.GetTempPath(), "logsentinel-gate-" + Guid.NewGuid().ToString("N"));
        long consumed = 0;
        var gate = new ConsumerBacklogGate(MaxAhead, TimeProvider.System);
        gate.Attach(() => Interlocked.Read(ref consumed));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var sink = new KafkaEventSink(cluster.BootstrapServers, "gateway-access", "app-events", speed: 0, TimeProvider.System, gate);
            Task<SimulationSummary> simulation;
            await using (sink)
            {
                simulation = TrafficSimulator.RunAsync(files.Options, sink, directory, TimeProvider.System, progress: null, timeout.Token);
                while (sink.Produced < MaxAhead)
                {
                    await Task.Delay(10, timeout.Token);
                }

                // Nothing has been read: the gate holds the simulator at exactly the limit.
                Assert.Equal(MaxAhead, sink.Produced);
                Assert.False(simulation.IsCompleted);

                // Reading 100 lets exactly 100 more through.
                Interlocked.Add(ref consumed, 100);
                while (sink.Produced < MaxAhead + 100)
                {
                    await Task.Delay(10, timeout.Token);
                }

                Assert.Equal(MaxAhead + 100, sink.Produced);
                Assert.False(simulation.IsCompleted);

                Interlocked.Exchange(ref consumed, long.MaxValue / 2);
                await simulation;
            }

            var total = files.GatewayLines.Length + files.AppLines.Length;
            Assert.Equal(total, sink.Produced);
            Assert.Equal(files.GatewayLines.Order(StringComparer.Ordinal), TopicReader.Read(cluster.BootstrapServers, "gateway-access", files.GatewayLines.Length, timeout.Token).Select(m => m.Line).Order(StringComparer.Ordinal));
            Assert.Equal(files.AppLines.Order(StringComparer.Ordinal), TopicReader.Read(cluster.BootstrapServers, "app-events", files.AppLines.Length, timeout.Token).Select(m => m.Line).Order(StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
