using LogSentinel.Ingest.Kafka;
using LogSentinel.Store.Events;

namespace LogSentinel.Detect.Live;

/// <summary>
/// One partition's parsed events waiting for the event-time merge, in offset order, with what is known of the
/// partition's progress: how far it was consumed, handed over and fed, and whether the consumer is at its end.
/// </summary>
internal sealed class PartitionQueue(int topic, int partition, string topicName) : IMergeQueue
{
    private const int CompactRows = 8192;

    private long[] _offsets = new long[256];
    private long[] _consumedAt = new long[256];
    private long _lastFedOffset = -1;
    private int _fedRun;

    public int Topic { get; } = topic;

    public int Partition { get; } = partition;

    public string TopicName { get; } = topicName;

    public bool Assigned { get; set; }

    /// <summary>The table of the rows queued (a topic holds one format); null until the first row.</summary>
    public GatewayEventBatch? Gateway { get; private set; }

    public AppEventBatch? App { get; private set; }

    public int Head { get; private set; }

    public int Count { get; private set; }

    public bool IsEmpty => Head == Count;

    /// <summary>Highest offset consumed (-1 none).</summary>
    public long Consumed { get; set; } = -1;

    /// <summary>Highest offset handed over, queued or skipped as already fed (-1 none).</summary>
    public long Enqueued { get; set; } = -1;

    /// <summary>The offset the consumer reported as the partition's end, until a message at or after it is consumed (-1 not at the end).</summary>
    public long End { get; set; } = -1;

    /// <summary>Where detection stood when the partition was first seen: from the checkpoint, or the first offset read (-1 unknown).</summary>
    public long BaseOffset { get; set; } = -1;

    /// <summary>Events of the message at <see cref="BaseOffset"/> fed before the checkpoint (skipped when it is read again).</summary>
    public int BaseRowsFed { get; set; }

    /// <summary>Nothing queued and the consumer has read everything there is: the merge need not wait for this partition.</summary>
    public bool CaughtUp => IsEmpty && End >= 0 && Consumed <= Enqueued;

    public long HeadTimestamp => Gateway is not null ? Gateway.TimestampMs[Head] : App!.TimestampMs[Head];

    public long HeadConsumedAt => _consumedAt[Head];

    /// <summary>Where detection stands in this partition now; null when nothing is known yet (no checkpoint, nothing read).</summary>
    public PartitionPosition? Position()
    {
        if (!IsEmpty)
        {
            var head = _offsets[Head];
            var fed = (head == _lastFedOffset ? _fedRun : 0) + (head == BaseOffset ? BaseRowsFed : 0);
            return new PartitionPosition(TopicName, Partition, head, fed);
        }

        if (Enqueued >= 0 && Enqueued + 1 > BaseOffset)
        {
            return new PartitionPosition(TopicName, Partition, Enqueued + 1, 0);
        }

        return BaseOffset < 0 ? null : new PartitionPosition(TopicName, Partition, BaseOffset, BaseRowsFed);
    }

    public void AddGateway(GatewayEventBatch from, int row, long offset, long consumedAt)
    {
        if (Gateway is null)
        {
            Gateway = new GatewayEventBatch(1024);
        }

        Reserve();
        EventRowCopy.Copy(from, row, Gateway);
        Added(offset, consumedAt);
    }

    public void AddApp(AppEventBatch from, int row, long offset, long consumedAt)
    {
        if (App is null)
        {
            App = new AppEventBatch(1024);
        }

        Reserve();
        EventRowCopy.Copy(from, row, App);
        Added(offset, consumedAt);
    }

    /// <summary>The head row was fed to the engine.</summary>
    public void Advance()
    {
        var offset = _offsets[Head];
        if (offset == _lastFedOffset)
        {
            _fedRun++;
        }
        else
        {
            _lastFedOffset = offset;
            _fedRun = 1;
        }

        Head++;
        if (Head == Count)
        {
            Reset();
        }
    }

    /// <summary>Drops everything queued (the partition went to another member).</summary>
    public void Clear()
    {
        Reset();
        Consumed = Enqueued = End = -1;
    }

    private void Added(long offset, long consumedAt)
    {
        _offsets[Count] = offset;
        _consumedAt[Count] = consumedAt;
        Count++;
    }

    private void Reserve()
    {
        if (Head >= CompactRows && Head * 2 >= Count)
        {
            Compact();
        }

        if (Count == _offsets.Length)
        {
            Array.Resize(ref _offsets, Count * 2);
            Array.Resize(ref _consumedAt, Count * 2);
        }
    }

    /// <summary>Moves the rows still queued to the front, so a partition that never drains does not grow without end.</summary>
    private void Compact()
    {
        var rows = Count - Head;
        if (Gateway is not null)
        {
            var kept = new GatewayEventBatch(Math.Max(1024, rows * 2));
            for (var i = Head; i < Count; i++)
            {
                EventRowCopy.Copy(Gateway, i, kept);
            }

            Gateway = kept;
        }

        if (App is not null)
        {
            var kept = new AppEventBatch(Math.Max(1024, rows * 2));
            for (var i = Head; i < Count; i++)
            {
                EventRowCopy.Copy(App, i, kept);
            }

            App = kept;
        }

        Array.Copy(_offsets, Head, _offsets, 0, rows);
        Array.Copy(_consumedAt, Head, _consumedAt, 0, rows);
        Head = 0;
        Count = rows;
    }

    private void Reset()
    {
        Gateway?.Clear();
        App?.Clear();
        Head = Count = 0;
    }
}
