namespace LogSentinel.Detect.Baselines;

/// <summary>
/// Per-entity behavioural baselines (<c>Detection:Baselines</c>): each account's, address's and agency's lookups per
/// active day, kept as a ring of recent active days by kind of day (working day or day off), judged by their median
/// and MAD, and blended with the entity's peer group (role and agency kind) while its own history is short.
/// </summary>
public sealed class BaselineOptions
{
    /// <summary>Active working days of history kept per entity (default 28); days off keep half as many.</summary>
    public int HistoryDays { get; set; } = 28;

    /// <summary>Own days of history at which the entity's own baseline and its peers' weigh the same (default 2).</summary>
    public double BlendDays { get; set; } = 2;

    /// <summary>Lowest day-to-day spread (log scale) assumed for any entity, so a very steady history does not make every wobble unusual (default 0.25).</summary>
    public double MinSpread { get; set; } = 0.25;

    /// <summary>Day-to-day spread (log scale) assumed while an entity has too little history to measure its own (default 0.4).</summary>
    public double DefaultSpread { get; set; } = 0.4;

    /// <summary>Account-days kept per peer group to estimate its level and spread (default 512).</summary>
    public int PeerSamples { get; set; } = 512;

    /// <summary>Member-days a peer group needs (from earlier days) before its level is used (default 30).</summary>
    public int MinPeerSamples { get; set; } = 30;

    /// <summary>
    /// Lowest spread (log scale) assumed between members of a peer group (default 0.6): officers of one role differ
    /// severalfold in daily volume, so a level learned from peers only flags gross excess.
    /// </summary>
    public double MinPeerSpread { get; set; } = 0.6;

    /// <summary>Weeks of active days kept per weekday for each entity's hour-of-week profile (median and MAD of each hour; default 6).</summary>
    public int HourOfWeekWeeks { get; set; } = 6;

    internal void Validate()
    {
        DetectionOptions.Require(HistoryDays is >= 6 and <= 366, "Baselines:HistoryDays must be between 6 and 366");
        DetectionOptions.Require(BlendDays is >= 0 and <= 60, "Baselines:BlendDays must be between 0 and 60");
        DetectionOptions.Require(MinSpread is > 0 and <= 5, "Baselines:MinSpread must be above 0 and at most 5");
        DetectionOptions.Require(DefaultSpread is > 0 and <= 5, "Baselines:DefaultSpread must be above 0 and at most 5");
        DetectionOptions.Require(PeerSamples is >= 16 and <= 65536, "Baselines:PeerSamples must be between 16 and 65536");
        DetectionOptions.Require(MinPeerSamples >= 1 && MinPeerSamples <= PeerSamples, "Baselines:MinPeerSamples must be between 1 and PeerSamples");
        DetectionOptions.Require(HourOfWeekWeeks is >= 1 and <= 52, "Baselines:HourOfWeekWeeks must be between 1 and 52");
        DetectionOptions.Require(MinPeerSpread is >= 0 and <= 5, "Baselines:MinPeerSpread must be between 0 and 5");
    }
}
