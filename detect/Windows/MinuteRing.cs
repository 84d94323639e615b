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

    /// <summary>Writes the slots holding a minute (most entities are quiet most of the time, so few do).</summary>
    public void Save(BinaryWriter writer)
    {
        writer.Write(_minutes.Length);
        var used = 0;
        foreach (var m in _minutes)
        {
            used += m == long.MinValue ? 0 : 1;
        }

        writer.Write(used);
        for (var i = 0; i < _minutes.Length; i++)
        {
            if (_minutes[i] == long.MinValue)
            {
                continue;
            }

            writer.Write(i);
            writer.Write(_minutes[i]);
            ref var b = ref _buckets[i];
            writer.Write(b.Count);
            writer.Write(b.Flagged);
            writer.Write(b.Sum);
            writer.Write(b.SumOfSquares);
            writer.Write(b.Other);
            writer.Write(b.Requests);
            writer.Write(b.Marked);
        }
    }

    /// <summary>Reads what <see cref="Save"/> wrote into a ring of the same length.</summary>
    public void Load(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length != _minutes.Length)
        {
            throw new InvalidDataException($"A checkpointed window of {length} minutes cannot be restored into one of {_minutes.Length}; the window settings changed.");
        }

        var used = reader.ReadInt32();
        for (var n = 0; n < used; n++)
        {
            var i = reader.ReadInt32();
            _minutes[i] = reader.ReadInt64();
            ref var b = ref _buckets[i];
            b.Count = reader.ReadInt64();
            b.Flagged = reader.ReadInt64();
            b.Sum = reader.ReadDouble();
            b.SumOfSquares = reader.ReadDouble();
            b.Other = reader.ReadInt64();
            b.Requests = reader.ReadInt64();
            b.Marked = reader.ReadInt64();
        }
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
