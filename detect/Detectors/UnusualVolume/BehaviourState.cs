using LogSentinel.Detect.Baselines;

namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>
/// One entity's behaviour: two open day windows (by day parity, so a day still within the lateness and the next
/// can both be open), its active days by kind of day, its peer group and its lookups by hour of the week.
/// </summary>
internal sealed class BehaviourState(int historyDays, int hourOfWeekWeeks)
{
    public DayCounters[] Open { get; } = [new(), new()];

    public ActiveDayRing Working { get; } = new(historyDays);

    public ActiveDayRing DaysOff { get; } = new(Math.Max(historyDays / 2, 3));

    /// <summary>Peer group id; -1 until first judged, -2 when it has none.</summary>
    public int PeerGroup { get; set; } = -1;

    /// <summary>Lookups per local hour on the last active days of each weekday: the hour-of-week profile.</summary>
    public HourOfWeekRing HourOfWeek { get; } = new(hourOfWeekWeeks);

    /// <summary>Active days folded into the profile so far.</summary>
    public int ProfileDays { get; set; }

    /// <summary>End (UTC ms) of the last day folded in.</summary>
    public long LastDayEndMs { get; set; } = long.MinValue;
}
