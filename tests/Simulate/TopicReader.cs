using Confluent.Kafka;

namespace LogSentinel.Tests.Simulate;

/// <summary>Reads a topic from its beginning with a group of its own until the expected number of messages has come.</summary>
internal static class TopicReader
{
    public static List<(string Topic, int Partition, long TimestampMs, string Line)> Read(string brokers, string topic, int expected, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig
        {
            BootstrapServers = brokers,
            GroupId = "topic-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var messages = new List<(string, int, long, string)>(expected);
        while (messages.Count < expected)
        {
            var result = consumer.Consume(cancellationToken);
            messages.Add((topic, result.Partition.Value, result.Message.Timestamp.UnixTimestampMs, result.Message.Value));
        }

        consumer.Close();
        return messages;
    }
}
