namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>One parsed event waiting to be republished: its event time, source offset, encoded bytes and target partitions (-1: none).</summary>
internal readonly record struct PendingEvent(long TimestampMs, long Offset, byte[] Encoded, int AccountPartition, int AddressPartition);
