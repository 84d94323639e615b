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
