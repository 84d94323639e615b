using LogSentinel.Detect.Baselines;

namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>
/// One entity's behaviour: two open day windows (by day parity, so a day still within the lateness and the next
/// can both be open), its active days by kind of day, its peer group and its hourly profile.
/// </summary>
internal sealed class BehaviourState(int historyDays)
{
    public DayCounters[] Open { get; } = [new(), new()];

    public ActiveDayRing Working { get; } = new(historyDays);

    public ActiveDayRing DaysOff { get; } = new(Math.Max(historyDays / 2, 3));

    /// <summary>Peer group id; -1 until first judged, -2 when it has none.</summary>
    public int PeerGroup { get; set; } = -1;

    /// <summary>Mean lookups per local hour on active working days [0-23] and days off [24-47], exponentially weighted.</summary>
    public float[] HourlyProfile { get; } = new float[48];

    /// <summary>Active days folded into the hourly profile so far.</summary>
    public int ProfileDays { get; set; }

    /// <summary>End (UTC ms) of the last day folded in.</summary>
    public long LastDayEndMs { get; set; } = long.MinValue;
}
