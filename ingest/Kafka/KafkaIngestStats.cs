namespace LogSentinel.Ingest.Kafka;

/// <summary>Running totals of a <see cref="KafkaIngestWorker"/>, safe to read from any thread (status lines, tests).</summary>
public sealed class KafkaIngestStats
{
    private long _messages;
    private long _lines;
    private long _events;
    private long _deadLetters;
    private long _duplicates;
    private long _batches;
    private long _storeRetries;
    private long _lag = -1;
    private int _partitions;
    private int _paused;

    /// <summary>Messages consumed (written or not yet).</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Lines whose batch is in the store.</summary>
    public long LinesWritten => Interlocked.Read(ref _lines);

    /// <summary>Events written (re-delivered duplicates excluded).</summary>
    public long EventsWritten => Interlocked.Read(ref _events);

    /// <summary>Lines stored as dead letters.</summary>
    public long DeadLetters => Interlocked.Read(ref _deadLetters);

    /// <summary>Re-delivered events found already stored and not written again.</summary>
    public long DuplicatesDropped => Interlocked.Read(ref _duplicates);

    /// <summary>Batches written.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Store writes that failed and were tried again.</summary>
    public long StoreRetries => Interlocked.Read(ref _storeRetries);

    /// <summary>Messages behind the end of the assigned partitions at the last measure; -1 before the first.</summary>
    public long Lag => Interlocked.Read(ref _lag);

    /// <summary>Partitions assigned to this worker.</summary>
    public int AssignedPartitions => Volatile.Read(ref _partitions);

    /// <summary>Whether consumption is paused because the store is not keeping up (or is down).</summary>
    public bool Paused => Volatile.Read(ref _paused) != 0;

    internal void Consumed(int messages) => Interlocked.Add(ref _messages, messages);

    internal void Written(Pipeline.IngestBatchResult result)
    {
        Interlocked.Add(ref _lines, result.Lines);
        Interlocked.Add(ref _events, result.Events);
        Interlocked.Add(ref _deadLetters, result.DeadLetters);
        Interlocked.Add(ref _duplicates, result.DuplicatesDropped);
        Interlocked.Add(ref _storeRetries, result.Attempts - 1);
        Interlocked.Increment(ref _batches);
    }

    internal void SetLag(long lag) => Interlocked.Exchange(ref _lag, lag);

    internal void SetPartitions(int count) => Volatile.Write(ref _partitions, count);

    internal void SetPaused(bool paused) => Volatile.Write(ref _paused, paused ? 1 : 0);
}
