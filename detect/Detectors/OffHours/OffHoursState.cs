using LogSentinel.Detect.Calendar;

namespace LogSentinel.Detect.Detectors.OffHours;

/// <summary>One account: its open local hours and the history of the hours it was active in.</summary>
internal sealed class OffHoursState(int openHours)
{
    public HourSlot[] Slots { get; } = new HourSlot[openHours];

    /// <summary>Per hour of day (0-23) on working days, then (24-47) on days off: the days the account was active then.</summary>
    public DayMask[] History { get; } = new DayMask[48];

    public DayMask ActiveDays;

    public long FirstSeenMs { get; set; } = long.MaxValue;

    public int Agency { get; set; } = -1;

    public ref HourSlot Slot(long hour) => ref Slots[(int)(((hour % Slots.Length) + Slots.Length) % Slots.Length)];
}

/// <summary>One account's activity in one local clock hour not yet closed.</summary>
internal struct HourSlot
{
    public long Hour;
    public int Events;
    public int OffLookups;
    public int Ip;
    public ulong Sample0;
    public ulong Sample1;
    public ulong Sample2;
    public long FirstOffMs;
    public long LastOffMs;
}

/// <summary>How many accounts of one agency made off-hours lookups in one local hour.</summary>
internal sealed class AgencyHours(int openHours)
{
    public long[] Hours { get; } = CreateHours(openHours);

    public int[] Accounts { get; } = new int[openHours];

    public ref int At(long hour)
    {
        var slot = (int)(((hour % Hours.Length) + Hours.Length) % Hours.Length);
        if (Hours[slot] != hour)
        {
            Hours[slot] = hour;
            Accounts[slot] = 0;
        }

        return ref Accounts[slot];
    }

    public int Find(long hour)
    {
        var slot = (int)(((hour % Hours.Length) + Hours.Length) % Hours.Length);
        return Hours[slot] == hour ? Accounts[slot] : 0;
    }

    private static long[] CreateHours(int n)
    {
        var hours = new long[n];
        Array.Fill(hours, long.MinValue);
        return hours;
    }
}
