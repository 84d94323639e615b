namespace LogSentinel.Detect.Engine;

/// <summary>
/// Window closings ordered by event time. Ties are broken by the order they were scheduled, so the same input
/// always closes windows in the same order.
/// </summary>
internal sealed class EventTimeScheduler
{
    private readonly PriorityQueue<TimerEntry, (long Due, long Sequence)> _queue = new();
    private long _sequence;

    public int Count => _queue.Count;

    public void Schedule(int detector, int entity, long due) =>
        _queue.Enqueue(new TimerEntry(detector, entity, due), (due, _sequence++));

    /// <summary>Writes the pending closings with their tie-breaking sequence numbers.</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(_sequence);
        writer.Write(_queue.Count);
        foreach (var (timer, priority) in _queue.UnorderedItems)
        {
            writer.Write(timer.Detector);
            writer.Write(timer.Entity);
            writer.Write(timer.Due);
            writer.Write(priority.Sequence);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote into this empty scheduler.</summary>
    public void Load(BinaryReader reader)
    {
        _sequence = reader.ReadInt64();
        var count = reader.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            var timer = new TimerEntry(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64());
            _queue.Enqueue(timer, (timer.Due, reader.ReadInt64()));
        }
    }

    /// <summary>Takes the next timer due at or before <paramref name="watermark"/>.</summary>
    public bool TryTakeDue(long watermark, out TimerEntry timer)
    {
        if (_queue.TryPeek(out timer, out var priority) && priority.Due <= watermark)
        {
            _queue.Dequeue();
            return true;
        }

        timer = default;
        return false;
    }
}
