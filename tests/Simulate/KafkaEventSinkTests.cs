using LogSentinel.Ingest.Kafka;
using LogSentinel.Simulate;
using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Scenarios;

namespace LogSentinel.Tests.Simulate;

public sealed class KafkaEventSinkTests
{
    [Fact]
    public async Task Simulate_ToKafka_SameLinesAsTheFiles_EachPartitionInTimeOrder()
    {
        using var files = SimulatedRun.Create(days: 2, accounts: 40, "brute_force,weak_credentials", seed: 21);
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("gateway-access", 4);
        cluster.CreateTopic("app-events", 4);
        var directory = Path.Combine(Path.GetTempPath(), "logsentinel-simkafka-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sink = new KafkaEventSink(cluster.BootstrapServers, "gateway-access", "app-events", speed: 0, TimeProvider.System);
            SimulationSummary summary;
            await using (sink)
            {
                summary = await TrafficSimulator.RunAsync(files.Options, sink, directory, TimeProvider.System);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var gateway = TopicReader.Read(cluster.BootstrapServers, "gateway-access", files.GatewayLines.Length, timeout.Token);
            var app = TopicReader.Read(cluster.BootstrapServers, "app-events", files.AppLines.Length, timeout.Token);

            Assert.Equal(summary.GatewayEvents, gateway.Count);
            Assert.Equal(files.GatewayLines.Order(StringComparer.Ordinal), gateway.Select(m => m.Line).Order(StringComparer.Ordinal));
            Assert.Equal(files.AppLines.Order(StringComparer.Ordinal), app.Select(m => m.Line).Order(StringComparer.Ordinal));
            foreach (var partition in gateway.Concat(app).GroupBy(m => (m.Topic, m.Partition)))
            {
                var times = partition.Select(m => m.TimestampMs).ToList();
                Assert.Equal(times.Order(), times);
            }
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
