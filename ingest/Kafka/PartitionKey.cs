namespace LogSentinel.Ingest.Kafka;

/// <summary>A partition of a subscribed topic, by the topic's index in the worker's topic list (no string hashing per message).</summary>
internal readonly record struct PartitionKey(int Topic, int Partition);
