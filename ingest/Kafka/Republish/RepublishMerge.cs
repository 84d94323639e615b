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

        Release();
    }

    public void OnBatch(IngestBatch batch, IReadOnlyList<MessageRows> messages)
    {
        int gatewayRow = 0, appRow = 0;
        foreach (var m in messages)
        {
            var source = SourceOf(m.Topic, m.Partition);
            var events = m.GatewayEnd - gatewayRow + m.AppEnd - appRow;
            for (; gatewayRow < m.GatewayEnd; gatewayRow++)
            {
                source.Queue.Enqueue(republisher.EncodeGateway(batch.Gateway, gatewayRow, m.Offset));
            }

            for (; appRow < m.AppEnd; appRow++)
            {
                source.Queue.Enqueue(republisher.EncodeApp(batch.App, appRow, m.Offset));
            }

            if (events > 0)
            {
                // Outstanding until every event of the message is acknowledged on the internal topics.
                source.Outstanding[m.Offset] = source.Outstanding.GetValueOrDefault(m.Offset) + events;
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
    /// The highest offset of a source partition that may be stored for commit: every event of the messages before it
    /// is acknowledged on the internal topics. -1 when nothing is known yet (store nothing).
    /// </summary>
    public long CommitLimit(int topic, int partition)
    {
        if (!_sources.TryGetValue((topic, partition), out var source) || source.Enqueued < 0)
        {
            return -1;
        }

        // The first message with an event not yet acknowledged; none: everything handed over so far.
        return source.Outstanding.Count > 0 ? source.Outstanding.Keys[0] : source.Enqueued + 1;
    }

    /// <summary>Takes finished deliveries; a failed one fails the worker (its offsets were never stored).</summary>
    private void Settle()
    {
        while (_inFlight.TryPeek(out var flight) && flight.Delivery.IsCompleted)
        {
            _inFlight.Dequeue();
            flight.Delivery.GetAwaiter().GetResult();
            foreach (var (source, offset) in flight.Events)
            {
                // A partition that left meanwhile has a new Source if it came back: the old one is forgotten.
                if (source.Outstanding.TryGetValue(offset, out var left))
                {
                    if (left <= 1)
                    {
                        source.Outstanding.Remove(offset);
                    }
                    else
                    {
                        source.Outstanding[offset] = left - 1;
                    }
                }
            }
        }
    }

    /// <summary>Releases events in event-time order while the merge allows (all of them when <paramref name="force"/>), and produces them.</summary>
    private void Release(bool force = false)
    {
        var sources = new List<(Source, long)>();
        while (EventTimeMerge.TryPickOldest(_assigned, force, out var best, out var bestIndex, out var bound, out var boundIndex))
        {
            do
            {
                var e = best.Queue.Dequeue();
                _released.Add(e);
                sources.Add((best, e.Offset));
            }
            while (EventTimeMerge.KeepsLead(best, bestIndex, bound, boundIndex));
        }

        if (_released.Count == 0)
        {
            return;
        }

        var messages = republisher.ToMessages(_released);
        _released.Clear();
        _inFlight.Enqueue(new InFlight(republisher.PublishAsync(messages, CancellationToken.None), sources));
        Settle();
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

    private sealed class Source(int topic, int partition) : IMergeQueue
    {
        public int Topic { get; } = topic;

        public int Partition { get; } = partition;

        public bool Assigned { get; set; }

        public Queue<PendingEvent> Queue { get; } = new();

        public long Consumed { get; set; } = -1;

        public long Enqueued { get; set; } = -1;

        public long End { get; set; } = -1;

        /// <summary>Offsets of messages handed over with events not yet acknowledged on the internal topics, and how many.</summary>
        public SortedList<long, int> Outstanding { get; } = [];

        public bool CaughtUp => Queue.Count == 0 && End >= 0 && Consumed <= Enqueued;

        public bool IsEmpty => Queue.Count == 0;

        public long HeadTimestamp => Queue.Peek().TimestampMs;
    }

    private sealed record InFlight(Task Delivery, List<(Source Source, long Offset)> Events);
}
