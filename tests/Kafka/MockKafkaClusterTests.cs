using Confluent.Kafka;
using LogSentinel.Ingest.Kafka;

namespace LogSentinel.Tests.Kafka;

public sealed class MockKafkaClusterTests
{
    [Fact]
    public void CreateTopic_ThenProduceAndConsume_MessagesComeBackFromEveryPartition()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("t", 3);
        using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            for (var i = 0; i < 30; i++)
            {
                producer.Produce(new TopicPartition("t", new Partition(i % 3)), new Message<Null, string> { Value = $"m{i}" });
            }

            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }

        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "g",
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe("t");
        var seen = new HashSet<string>();
        var partitions = new HashSet<int>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (seen.Count < 30)
        {
            var result = consumer.Consume(patience.Token);
            seen.Add(result.Message.Value);
            partitions.Add(result.Partition.Value);
        }

        consumer.Close();
        Assert.Equal(3, partitions.Count);
        Assert.StartsWith("127.0.0.1:", cluster.BootstrapServers, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTopic_Twice_ThrowsNamingTheTopic()
    {
        using var cluster = new MockKafkaCluster();
        cluster.CreateTopic("dup", 1);

        var error = Assert.Throws<InvalidOperationException>(() => cluster.CreateTopic("dup", 1));

        Assert.Contains("'dup'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_PreferTheSelfContainedBuild()
    {
        var candidates = RdKafkaMockApi.Candidates("/app");

        Assert.Equal("/app/runtimes/linux-x64/native/centos8-librdkafka.so", candidates[0]);
        Assert.Equal("/app/runtimes/linux-x64/native/librdkafka.so", candidates[1]);
    }
}
