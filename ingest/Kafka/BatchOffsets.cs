namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// Which messages of which partitions a batch holds. Messages arrive in runs from one partition, so the last
/// partition is remembered and most messages cost no dictionary lookup.
/// </summary>
internal sealed class BatchOffsets
{
    private readonly Dictionary<PartitionKey, OffsetRange> _ranges = [];
    private PartitionKey _lastKey = new(-1, -1);
    private long _lastFirst;
    private long _lastOffset;

    public bool IsEmpty => _lastKey.Topic < 0 && _ranges.Count == 0;

    public void Record(PartitionKey key, long offset)
    {
        if (key == _lastKey)
        {
            _lastOffset = offset;
            return;
        }

        Settle();
        _lastKey = key;
        _lastFirst = _ranges.TryGetValue(key, out var known) ? known.First : offset;
        _lastOffset = offset;
    }

    /// <summary>Every partition of the batch and its range.</summary>
    public IReadOnlyDictionary<PartitionKey, OffsetRange> Ranges
    {
        get
        {
            Settle();
            return _ranges;
        }
    }

    public bool Contains(PartitionKey key) => key == _lastKey || _ranges.ContainsKey(key);

    public void Clear()
    {
        _ranges.Clear();
        _lastKey = new PartitionKey(-1, -1);
    }

    private void Settle()
    {
        if (_lastKey.Topic >= 0)
        {
            _ranges[_lastKey] = new OffsetRange(_lastFirst, _lastOffset);
            _lastKey = new PartitionKey(-1, -1);
        }
    }
}
