using LogSentinel.Ingest.Pipeline;

namespace LogSentinel.Ingest.Kafka;

/// <summary>A batch being written in the background: which of the two batch slots, and the write.</summary>
internal sealed record PendingWrite(int Slot, Task<IngestBatchResult> Write);
