using Microsoft.Extensions.Logging;

namespace LogSentinel.Detect.Live.Partitioned;

/// <summary>Log messages of the partitioned detect member, source-generated.</summary>
internal static partial class PartitionedLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Partitioned detect starting: group {GroupId}, topics {Topics}, brokers {BootstrapServers}")]
    public static partial void Starting(ILogger logger, string groupId, IEnumerable<string> topics, string bootstrapServers);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}; each restored from its checkpoint or read from the beginning")]
    public static partial void Assigned(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartition> partitions);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Partitions revoked: {Partitions}; checkpointed and handed over")]
    public static partial void Revoked(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartitionOffset> partitions);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Partitions lost: {Partitions}; their new owner resumes from their last checkpoint")]
    public static partial void Lost(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartitionOffset> partitions);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Message}")]
    public static partial void Librdkafka(ILogger logger, string facility, string message);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Kafka error {Code}: {Reason}")]
    public static partial void KafkaError(ILogger logger, Confluent.Kafka.ErrorCode code, string reason);
}
