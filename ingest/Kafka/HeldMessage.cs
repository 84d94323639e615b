namespace LogSentinel.Ingest.Kafka;

/// <summary>A message of a topic whose format is not known yet.</summary>
internal readonly record struct HeldMessage(int Partition, long Offset, byte[]? Value);
