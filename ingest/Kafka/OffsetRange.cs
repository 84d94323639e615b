namespace LogSentinel.Ingest.Kafka;

/// <summary>The first and last offsets of one partition's messages in a batch.</summary>
internal readonly record struct OffsetRange(long First, long Last);
