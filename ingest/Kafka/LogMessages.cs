using Microsoft.Extensions.Logging;

namespace LogSentinel.Ingest.Kafka;

/// <summary>Every log message of the Kafka source, source-generated (no boxing or formatting when the level is off).</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Kafka ingest starting: group {GroupId}, topics {Topics}, brokers {BootstrapServers}")]
    public static partial void Starting(ILogger logger, string groupId, IEnumerable<string> topics, string bootstrapServers);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Partitions assigned: {Partitions}")]
    public static partial void PartitionsAssigned(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartition> partitions);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Partitions revoked: {Partitions}; pending lines written first")]
    public static partial void PartitionsRevoked(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartitionOffset> partitions);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Partitions lost: {Partitions}; {Lines} pending lines discarded, they will be delivered again")]
    public static partial void PartitionsLost(ILogger logger, IEnumerable<Confluent.Kafka.TopicPartitionOffset> partitions, int lines);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "The store is not keeping up or is down: consumption paused on {Partitions} partitions while the batch write is retried")]
    public static partial void Paused(ILogger logger, int partitions);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "The pending batch is stored: consumption resumed after {Paused}")]
    public static partial void Resumed(ILogger logger, TimeSpan paused);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Kafka error {Code}: {Reason}")]
    public static partial void KafkaError(ILogger logger, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Critical, Message = "Fatal Kafka error {Code}: {Reason}; ingest stops")]
    public static partial void FatalKafkaError(ILogger logger, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Consume failed at {Topic} [{Partition}] @{Offset}: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string? topic, int partition, long offset, string reason);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Format of topic {Topic} detected as {Format}")]
    public static partial void FormatDetected(ILogger logger, string topic, LogSentinel.Ingest.Parsing.LogFormat format);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Shutdown: pending batches not stored within {GraceMs} ms; their messages will be delivered again")]
    public static partial void ShutdownGraceExceeded(ILogger logger, int graceMs);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Kafka ingest stopped: {Lines} lines, {Events} events, {DeadLetters} dead letters, {Duplicates} duplicates dropped")]
    public static partial void Stopped(ILogger logger, long lines, long events, long deadLetters, long duplicates);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Error, Message = "Kafka ingest failed; offsets of unwritten batches are not stored")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Debug, Message = "Could not store the offset of {Topic} [{Partition}]: {Reason}")]
    public static partial void OffsetNotStored(ILogger logger, string topic, int partition, string reason);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Kafka ingest abandoned without closing the consumer; uncommitted messages will be delivered again")]
    public static partial void Abandoned(ILogger logger);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Message}")]
    public static partial void Librdkafka(ILogger logger, string facility, string message);
}
