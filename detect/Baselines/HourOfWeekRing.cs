using System.Runtime.InteropServices;

namespace LogSentinel.Detect.Baselines;

/// <summary>
/// An entity's lookups per local hour on its last few active days of each weekday (Monday first), so its profile is
/// the median and MAD of each of the 168 hours of the week and of each weekday's total, robust to the odd busy day
/// where an exponentially weighted mean is not. Counts are kept as 16-bit values (an hour above 65,535 lookups is
/// held at that), about 2 KB an entity at six weeks.
/// </summary>
internal sealed class HourOfWeekRing(int weeks)
{
    public const int Weekdays = 7;
    public const int Hours = 24;

    private readonly ushort[] _counts = new ushort[Weekdays * weeks * Hours];
    private readonly int[] _seen = new int[Weekdays];
    private readonly int[] _next = new int[Weekdays];

    /// <summary>Active days of each kind of weekday held (at most the weeks kept).</summary>
    public int Seen(int weekday) => _seen[weekday];

    public int Weeks => weeks;

    /// <summary>Monday-first weekday index (0 = Monday) of a <see cref="DateOnly.DayNumber"/>.</summary>
    public static int WeekdayOf(int dayNumber) => ((int)DateOnly.FromDayNumber(dayNumber).DayOfWeek + 6) % 7;

    /// <summary>Adds one active day's lookups per local hour (24 values).</summary>
    public void Add(int weekday, ReadOnlySpan<int> hours)
    {
        var slot = Slot(weekday, _next[weekday]);
        for (var h = 0; h < Hours; h++)
        {
            _counts[slot + h] = (ushort)Math.Clamp(hours[h], 0, ushort.MaxValue);
        }

        _next[weekday] = (_next[weekday] + 1) % weeks;
        _seen[weekday] = Math.Min(_seen[weekday] + 1, weeks);
    }

    /// <summary>Median and MAD (as a standard deviation) of lookups in one hour of the week over the days held; NaN when none.</summary>
    public (double Median, double Spread) Hour(int weekday, int hour, Span<double> scratch)
    {
        var n = _seen[weekday];
        var values = scratch[..n];
        for (var i = 0; i < n; i++)
        {
            values[i] = _counts[Slot(weekday, i) + hour];
        }

        return Robust(values);
    }

    /// <summary>Median and MAD (as a standard deviation) of a weekday's daily total over the days held; NaN when none.</summary>
    public (double Median, double Spread) Day(int weekday, Span<double> scratch)
    {
        var n = _seen[weekday];
        var values = scratch[..n];
        for (var i = 0; i < n; i++)
        {
            var slot = Slot(weekday, i);
            var sum = 0;
            for (var h = 0; h < Hours; h++)
            {
                sum += _counts[slot + h];
            }

            values[i] = sum;
        }

        return Robust(values);
    }

    internal void Save(BinaryWriter w)
    {
        w.Write(weeks);
        for (var d = 0; d < Weekdays; d++)
        {
            w.Write(_seen[d]);
            w.Write(_next[d]);
        }

        // One copy of the whole ring (little-endian 16-bit counts, as BinaryWriter writes them one at a time).
        if (BitConverter.IsLittleEndian)
        {
            w.Write(MemoryMarshal.AsBytes(_counts.AsSpan()));
        }
        else
        {
            foreach (var c in _counts)
            {
                w.Write(c);
            }
        }
    }

    /// <summary>Reads a saved ring, also one kept over a different number of weeks (its newest days are kept).</summary>
    internal void Load(BinaryReader r)
    {
        var saved = new HourOfWeekRing(r.ReadInt32());
        for (var d = 0; d < Weekdays; d++)
        {
            saved._seen[d] = r.ReadInt32();
            saved._next[d] = r.ReadInt32();
        }

        if (BitConverter.IsLittleEndian)
        {
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(saved._counts.AsSpan()));
        }
        else
        {
            for (var i = 0; i < saved._counts.Length; i++)
            {
                saved._counts[i] = r.ReadUInt16();
            }
        }

        Span<int> hours = stackalloc int[Hours];
        for (var d = 0; d < Weekdays; d++)
        {
            // Oldest first, so the newest days end up held.
            var oldest = saved._seen[d] < saved.Weeks ? 0 : saved._next[d];
            for (var i = 0; i < saved._seen[d]; i++)
            {
                var slot = saved.Slot(d, (oldest + i) % saved.Weeks);
                for (var h = 0; h < Hours; h++)
                {
                    hours[h] = saved._counts[slot + h];
                }

                Add(d, hours);
            }
        }
    }

    private static (double Median, double Spread) Robust(Span<double> values)
    {
        if (values.IsEmpty)
        {
            return (double.NaN, double.NaN);
        }

        var median = RobustStats.Median(values);
        return (median, RobustStats.MadToSigma * RobustStats.Mad(values, median));
    }

    private int Slot(int weekday, int week) => ((weekday * weeks) + week) * Hours;
}
