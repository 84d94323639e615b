using Confluent.Kafka;
using LogSentinel.Ingest.Pipeline;

namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// Something that follows the parsed events of a <see cref="KafkaIngestWorker"/> (live detection). Every call comes
/// on the worker's consumer thread, so the observer needs no locking against the worker.
/// </summary>
internal interface IKafkaBatchObserver
{
    /// <summary>Partitions assigned; the result gives start offsets for those the observer must resume itself (null or empty: committed offsets).</summary>
    IReadOnlyList<TopicPartitionOffset>? OnAssigned(IReadOnlyList<TopicPartition> partitions);

    /// <summary>Partitions revoked or lost: they are no longer this worker's.</summary>
    void OnUnassigned(IReadOnlyList<TopicPartition> partitions);

    /// <summary>A message was consumed (before any parsing; it reaches <see cref="OnBatch"/> later).</summary>
    void OnConsumed(int topic, int partition, long offset);

    /// <summary>The consumer reached the end of a partition: <paramref name="offset"/> is the next offset it would read.</summary>
    void OnPartitionEnd(int topic, int partition, long offset);

    /// <summary>
    /// A batch is about to be written: its rows, message by message, in the order they were parsed. The batch is
    /// read-only during the call and cleared after its write; copy what is needed.
    /// </summary>
    void OnBatch(IngestBatch batch, IReadOnlyList<MessageRows> messages);

    /// <summary>The write of the batch last passed to <see cref="OnBatch"/> has started; the task ends when it is stored.</summary>
    void OnBatchWriting(Task write);

    /// <summary>Called on every turn of the consumer loop (at least every quarter second).</summary>
    void OnPoll();

    /// <summary>Shutdown: every batch is stored; the observer finishes its own writes before the consumer closes.</summary>
    void OnStopping(CancellationToken grace);
}
