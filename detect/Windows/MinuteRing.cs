namespace LogSentinel.Detect.Windows;

/// <summary>
/// The last N minutes of one entity as a ring of <see cref="MinuteBucket"/>s: the building block of sliding windows
/// (sum any run of whole minutes ending now) and of tumbling ones (one bucket per window). Allocated once per
/// entity; adding an event allocates nothing.
/// </summary>
internal sealed class MinuteRing
{
    private readonly long[] _minutes;
    private readonly MinuteBucket[] _buckets;

    public MinuteRing(int minutes)
    {
        _minutes = new long[minutes];
        _buckets = new MinuteBucket[minutes];
        Array.Fill(_minutes, long.MinValue);
    }

    public int Length => _minutes.Length;

    /// <summary>The bucket of <paramref name="minute"/>, cleared when it held an older minute.</summary>
    public ref MinuteBucket At(long minute)
    {
        var slot = (int)(((minute % _minutes.Length) + _minutes.Length) % _minutes.Length);
        if (_minutes[slot] != minute)
        {
            _minutes[slot] = minute;
            _buckets[slot] = default;
        }

        return ref _buckets[slot];
    }

    /// <summary>Sum of the <paramref name="width"/> minutes ending with <paramref name="lastMinute"/> (at most the ring's length).</summary>
    public MinuteBucket Sum(long lastMinute, int width)
    {
        var total = default(MinuteBucket);
        for (var m = lastMinute - Math.Min(width, _minutes.Length) + 1; m <= lastMinute; m++)
        {
            var slot = (int)(((m % _minutes.Length) + _minutes.Length) % _minutes.Length);
            if (_minutes[slot] != m)
            {
                continue;
            }

            ref var b = ref _buckets[slot];
            total.Count += b.Count;
            total.Flagged += b.Flagged;
            total.Sum += b.Sum;
            total.SumOfSquares += b.SumOfSquares;
            total.Other += b.Other;
            total.Requests += b.Requests;
            total.Marked += b.Marked;
        }

        return total;
    }
}
