using System.Numerics;

namespace LogSentinel.Detect.Calendar;

/// <summary>Which of the last 64 local days something happened on: a bit per day, the newest day remembered.</summary>
internal struct DayMask
{
    private ulong _bits;
    private int _lastDay;

    public void Mark(int day)
    {
        if (_bits == 0 || day > _lastDay)
        {
            _bits = _bits == 0 || day - _lastDay >= 64 ? 0 : _bits << (day - _lastDay);
            _lastDay = day;
        }

        var back = _lastDay - day;
        if (back < 64)
        {
            _bits |= 1UL << back;
        }
    }

    /// <summary>The days before <paramref name="today"/> and within <paramref name="lookbackDays"/> of it, as bits (bit 0 = yesterday).</summary>
    public readonly ulong Before(int today, int lookbackDays)
    {
        if (_bits == 0)
        {
            return 0;
        }

        // Align so that bit i is day today-1-i.
        var shift = today - 1 - _lastDay;
        ulong aligned;
        if (shift >= 0)
        {
            aligned = shift >= 64 ? 0 : _bits << shift;
        }
        else
        {
            aligned = -shift >= 64 ? 0 : _bits >> -shift;
        }

        return lookbackDays >= 64 ? aligned : aligned & ((1UL << lookbackDays) - 1);
    }

    public static int Count(ulong bits) => BitOperations.PopCount(bits);

    /// <summary>Writes the mask for a checkpoint.</summary>
    public readonly void Save(BinaryWriter writer)
    {
        writer.Write(_bits);
        writer.Write(_lastDay);
    }

    /// <summary>Reads what <see cref="Save"/> wrote.</summary>
    public void Load(BinaryReader reader)
    {
        _bits = reader.ReadUInt64();
        _lastDay = reader.ReadInt32();
    }
}
