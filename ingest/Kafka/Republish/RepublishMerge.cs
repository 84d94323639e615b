using Confluent.Kafka;
using LogSentinel.Ingest.Pipeline;

namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>
/// The ingest worker's republishing: merges the events of the assigned source partitions by event time (as
/// <c>run</c>'s detection and <c>replay</c> do) and produces them to the internal topics in that order, so each internal
/// partition is in event-time order even when the worker reads a backlog one source partition at a time. Events are
/// released while every assigned partition has one queued or is read to its end.
/// </summary>
/// <remarks>
/// No loss: a source partition's offset may be stored for commit only up to the first message not yet acknowledged on
/// the internal topics (<see cref="CommitLimit"/>), whatever the store has; events of a message released in part are
/// republished again after a crash. Readers drop such duplicates by event key. Runs on the worker's consumer thread.
/// </remarks>
internal sealed class RepublishMerge(EventRepublisher republisher, IReadOnlyList<string> topics) : IKafkaBatchObserver
{
    private readonly Dictionary<(int Topic, int Partition), Source> _sources = [];
    private readonly List<Source> _assigned = [];
    private readonly Queue<InFlight> _inFlight = new();
    private readonly List<PendingEvent> _released = [];

    public IReadOnlyList<TopicPartitionOffset>? OnAssigned(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            var topic = IndexOf(tp.Topic);
            if (topic < 0)
            {
                continue;
            }

            var source = SourceOf(topic, tp.Partition.Value);
            if (!source.Assigned)
            {
                source.Assigned = true;
                _assigned.Add(source);
            }
        }

        // A fixed order for ties: topic, then partition.
        _assigned.Sort((a, b) => a.Topic != b.Topic ? a.Topic.CompareTo(b.Topic) : a.Partition.CompareTo(b.Partition));
        // Committed offsets: republishing never resumes anywhere else.
        return null;
    }

    /// <summary>Partitions left: their queued events are dropped (their next owner reads them again from the committed offset).</summary>
    public void OnUnassigned(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            var topic = IndexOf(tp.Topic);
            if (topic >= 0 && _sources.Remove((topic, tp.Partition.Value), out var source))
            {
                _assigned.Remove(source);
            }
        }

        Release();
    }

    public void OnConsumed(int topic, int partition, long offset)
    {
        var source = SourceOf(topic, partition);
        source.Consumed = Math.Max(source.Consumed, offset);
        if (offset >= source.End)
        {
            source.End = -1;
        }
    }

    public void OnPartitionEnd(int topic, int partition, long offset)
    {
        var source = SourceOf(topic, partition);
        if (offset > source.Consumed)
        {
            source.End = offset;
        }

        if (source.Queue.Count == 0 && source.Consumed < 0)
        {
            // Nothing read in this assignment: everything before the end is republished already.
            source.ReleasedNext = Math.Max(source.ReleasedNext, offset);
        }

        Release();
    }

    public void OnBatch(IngestBatch batch, IReadOnlyList<MessageRows> messages)
    {
        int gatewayRow = 0, appRow = 0;
        foreach (var m in messages)
        {
            var source = SourceOf(m.Topic, m.Partition);
            for (; gatewayRow < m.GatewayEnd; gatewayRow++)
            {
                source.Queue.Enqueue(republisher.EncodeGateway(batch.Gateway, gatewayRow, m.Offset));
            }

            for (; appRow < m.AppEnd; appRow++)
            {
                source.Queue.Enqueue(republisher.EncodeApp(batch.App, appRow, m.Offset));
            }

            source.Enqueued = Math.Max(source.Enqueued, m.Offset);
        }

        Release();
    }

    public void OnBatchWriting(Task write)
    {
    }

    public void OnPoll()
    {
        Release();
        Settle();
    }

    public void OnStopping(CancellationToken grace)
    {
        // Everything parsed goes out now, in event-time order as far as it is known.
        Release(force: true);
        foreach (var flight in _inFlight)
        {
            flight.Delivery.Wait(grace);
        }

        Settle();
    }

    /// <summary>
    /// The highest offset of a source partition that may be stored for commit: everything before it is acknowledged
    /// on the internal topics. -1 when nothing is known yet (store nothing).
    /// </summary>
    public long CommitLimit(int topic, int partition) =>
        _sources.TryGetValue((topic, partition), out var source) ? source.DeliveredNext : -1;

    /// <summary>Takes finished deliveries in order; a failed one fails the worker (its offsets were never stored).</summary>
    private void Settle()
    {
        while (_inFlight.TryPeek(out var flight) && flight.Delivery.IsCompleted)
        {
            _inFlight.Dequeue();
            flight.Delivery.GetAwaiter().GetResult();
            foreach (var (key, next) in flight.Positions)
            {
                if (_sources.TryGetValue(key, out var source) && ReferenceEquals(source, flight.Sources[key]))
                {
                    source.DeliveredNext = Math.Max(source.DeliveredNext, next);
                }
            }
        }
    }

    /// <summary>Releases events in event-time order while the merge allows (all of them when <paramref name="force"/>), and produces them.</summary>
    private void Release(bool force = false)
    {
        while (TryPickOldest(force, out var best, out var bound, out var boundIndex, out var bestIndex))
        {
            do
            {
                _released.Add(best.Queue.Dequeue());
            }
            while (best.Queue.Count > 0 && (best.Queue.Peek().TimestampMs < bound || (best.Queue.Peek().TimestampMs == bound && bestIndex < boundIndex)));
        }

        if (_released.Count == 0)
        {
            return;
        }

        var positions = new Dictionary<(int, int), long>();
        var sources = new Dictionary<(int, int), Source>();
        foreach (var source in _assigned)
        {
            var next = source.Queue.Count > 0 ? source.Queue.Peek().Offset : source.Enqueued + 1;
            if (next > source.ReleasedNext)
            {
                source.ReleasedNext = next;
            }

            positions[(source.Topic, source.Partition)] = source.ReleasedNext;
            sources[(source.Topic, source.Partition)] = source;
        }

        var messages = republisher.ToMessages(_released);
        _released.Clear();
        _inFlight.Enqueue(new InFlight(republisher.PublishAsync(messages, CancellationToken.None), positions, sources));
        Settle();
    }

    private bool TryPickOldest(bool force, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Source? best, out long bound, out int boundIndex, out int bestIndex)
    {
        best = null;
        bestIndex = boundIndex = int.MaxValue;
        bound = long.MaxValue;
        var bestTs = long.MaxValue;
        for (var i = 0; i < _assigned.Count; i++)
        {
            var source = _assigned[i];
            if (source.Queue.Count == 0)
            {
                if (!force && !source.CaughtUp)
                {
                    best = null;
                    return false;
                }

                continue;
            }

            var ts = source.Queue.Peek().TimestampMs;
            if (ts < bestTs)
            {
                bound = bestTs;
                boundIndex = bestIndex;
                best = source;
                bestIndex = i;
                bestTs = ts;
            }
            else if (ts < bound)
            {
                bound = ts;
                boundIndex = i;
            }
        }

        return best is not null;
    }

    private int IndexOf(string topic)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            if (topics[i] == topic)
            {
                return i;
            }
        }

        return -1;
    }

    private Source SourceOf(int topic, int partition)
    {
        if (!_sources.TryGetValue((topic, partition), out var source))
        {
            source = new Source(topic, partition);
            _sources.Add((topic, partition), source);
        }

        return source;
    }

    private sealed class Source(int topic, int partition)
    {
        public int Topic { get; } = topic;

        public int Partition { get; } = partition;

        public bool Assigned { get; set; }

        public Queue<PendingEvent> Queue { get; } = new();

        public long Consumed { get; set; } = -1;

        public long Enqueued { get; set; } = -1;

        public long End { get; set; } = -1;

        /// <summary>The first offset not entirely released (-1 unknown).</summary>
        public long ReleasedNext { get; set; } = -1;

        /// <summary>The first offset not entirely acknowledged on the internal topics (-1 unknown).</summary>
        public long DeliveredNext { get; set; } = -1;

        public bool CaughtUp => Queue.Count == 0 && End >= 0 && Consumed <= Enqueued;
    }

    private sealed record InFlight(Task Delivery, Dictionary<(int, int), long> Positions, Dictionary<(int, int), Source> Sources);
}
