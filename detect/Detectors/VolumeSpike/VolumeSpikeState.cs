namespace LogSentinel.Detect.Detectors.VolumeSpike;

/// <summary>One entity's request counts per window, a ring of the baseline's windows and the open ones.</summary>
internal sealed class VolumeSpikeState
{
    public VolumeSpikeState(int windows)
    {
        Windows = new long[windows];
        Requests = new long[windows];
        Unauthenticated = new long[windows];
        ServerErrors = new long[windows];
        Array.Fill(Windows, long.MinValue);
    }

    public long[] Windows { get; }

    public long[] Requests { get; }

    public long[] Unauthenticated { get; }

    public long[] ServerErrors { get; }

    public long FirstWindow { get; set; } = long.MinValue;

    /// <summary>Per day of the last week (ring by local day) and local hour of day: the busiest window.</summary>
    public long[] Rhythm { get; } = new long[RhythmDays * 24];

    public long[] RhythmDay { get; } = CreateDays();

    /// <summary>Per slot of <see cref="RhythmDay"/>: whether that day was a working day.</summary>
    public bool[] RhythmWorking { get; } = new bool[RhythmDays];

    public const int RhythmDays = 14;

    /// <summary>Records a window into the rhythm of its local day and hour.</summary>
    public void Learn(long day, bool working, int hourOfDay, long requests)
    {
        var slot = (int)(((day % RhythmDays) + RhythmDays) % RhythmDays);
        if (RhythmDay[slot] != day)
        {
            RhythmDay[slot] = day;
            RhythmWorking[slot] = working;
            Array.Clear(Rhythm, slot * 24, 24);
        }

        ref var busiest = ref Rhythm[(slot * 24) + hourOfDay];
        busiest = Math.Max(busiest, requests);
    }

    /// <summary>
    /// The median, over the previous days of the last two weeks of the same kind (working day or day off) that had
    /// traffic, of each day's busiest window at this local hour of day; -1 before the first such day. One day's
    /// surge does not make the next day's normal, and a holiday does not lower the next working morning's.
    /// </summary>
    public long UsualBefore(long day, bool working, int hourOfDay)
    {
        Span<long> values = stackalloc long[RhythmDays];
        var n = 0;
        for (var d = day - RhythmDays; d < day; d++)
        {
            var slot = (int)(((d % RhythmDays) + RhythmDays) % RhythmDays);
            if (RhythmDay[slot] == d && RhythmWorking[slot] == working)
            {
                values[n++] = Rhythm[(slot * 24) + hourOfDay];
            }
        }

        if (n == 0)
        {
            return -1;
        }

        values[..n].Sort();
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static long[] CreateDays()
    {
        var days = new long[RhythmDays];
        Array.Fill(days, long.MinValue);
        return days;
    }

    public int Slot(long window) => (int)(((window % Windows.Length) + Windows.Length) % Windows.Length);

    /// <summary>Requests of <paramref name="window"/>; 0 when the entity was quiet then.</summary>
    public long CountOf(long window)
    {
        var slot = Slot(window);
        return Windows[slot] == window ? Requests[slot] : 0;
    }
}
