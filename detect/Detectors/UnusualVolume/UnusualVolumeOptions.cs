namespace LogSentinel.Detect.Detectors.UnusualVolume;

/// <summary>
/// <c>unusual_volume</c> (<c>Detection:UnusualVolume</c>): an account, address or agency looks up clearly more than its
/// blended baseline, on one day or sustained over its recent active days, or a promoted model scores its day as anomalous.
/// </summary>
public sealed class UnusualVolumeOptions
{
    /// <summary>Calendar days the recent window spans, today included (default 7).</summary>
    public int RecentWindowDays { get; set; } = 7;

    /// <summary>Own active days of the same kind, before the recent window, a sustained excess is measured against (default 5): without them it would only say the entity is busier than its peers.</summary>
    public int MinOwnDays { get; set; } = 5;

    /// <summary>Active days of the same kind the recent window needs before a sustained excess is judged (default 3).</summary>
    public int MinRecentDays { get; set; } = 3;

    /// <summary>
    /// Standard errors the recent window's mean must lie above the baseline (default 5). Benign accounts reach 3.5 to 5
    /// now and then on a 2,000-account province (a busy week after a quiet one), so lower values flood analysts.
    /// </summary>
    public double SustainedZ { get; set; } = 5;

    /// <summary>Lowest ratio of recent to expected lookups for a sustained excess (default 1.5).</summary>
    public double MinSustainedRatio { get; set; } = 1.5;

    /// <summary>
    /// Standard errors an account's working days since a possible shift must together lie above its baseline frozen
    /// before the shift (default 3; 0 turns the drift test off). On the 30-day, 2,000-account simulated provinces it
    /// adds about 17 false alerts a month (a fifth of the limit of 1 per 1,000 entity-days) and catches twice the usual
    /// volume over two weeks in 10 of 12 seeds when the account has only about seven working days of history before
    /// the shift; docs/detection-quality.md has the figures.
    /// </summary>
    public double DriftZ { get; set; } = 3;

    /// <summary>Spread (log scale) of an officer's daily volume beyond counting noise, for the drift test (default 0.3).</summary>
    public double DriftDaySpread { get; set; } = 0.3;

    /// <summary>
    /// Share of an account's own measured day-to-day variance the drift test counts when it exceeds the expected one
    /// (default 0.5): measured over one or two weeks it is itself noisy.
    /// </summary>
    public double DriftOwnSpreadWeight { get; set; } = 0.5;

    /// <summary>Active working days since the shift before the drift test may decide (default 4), so a busy day or two never does.</summary>
    public int DriftMinRecentDays { get; set; } = 4;

    /// <summary>Lowest ratio of lookups since the shift to those before for the drift test (default 1.5).</summary>
    public double DriftMinRatio { get; set; } = 1.5;

    /// <summary>Standard errors a single day must lie above the baseline (default 6).</summary>
    public double DayZ { get; set; } = 6;

    /// <summary>Lookups a single day needs to be judged on its own (default 50).</summary>
    public int MinDayLookups { get; set; } = 50;

    /// <summary>Lowest ratio of a single day's lookups to the expected (default 3).</summary>
    public double MinDayRatio { get; set; } = 3;

    /// <summary>Lookups a day needs before a promoted model's score may raise an alert (default 30).</summary>
    public int ModelMinLookups { get; set; } = 30;

    /// <summary>Whether closed day windows are recorded as feature windows in the store for training (default true).</summary>
    public bool RecordWindows { get; set; } = true;

    internal void Validate()
    {
        DetectionOptions.Require(RecentWindowDays is >= 1 and <= 60, "UnusualVolume:RecentWindowDays must be between 1 and 60");
        DetectionOptions.Require(MinRecentDays >= 1 && MinRecentDays <= RecentWindowDays, "UnusualVolume:MinRecentDays must be between 1 and RecentWindowDays");
        DetectionOptions.Require(MinOwnDays >= 1, "UnusualVolume:MinOwnDays must be at least 1");
        DetectionOptions.Require(SustainedZ > 0, "UnusualVolume:SustainedZ must be above 0");
        DetectionOptions.Require(MinSustainedRatio >= 1, "UnusualVolume:MinSustainedRatio must be at least 1");
        DetectionOptions.Require(DriftZ >= 0, "UnusualVolume:DriftZ must not be negative");
        DetectionOptions.Require(DriftDaySpread is >= 0 and <= 5, "UnusualVolume:DriftDaySpread must be between 0 and 5");
        DetectionOptions.Require(DriftOwnSpreadWeight is >= 0 and <= 1, "UnusualVolume:DriftOwnSpreadWeight must be between 0 and 1");
        DetectionOptions.Require(DriftMinRecentDays >= 1, "UnusualVolume:DriftMinRecentDays must be at least 1");
        DetectionOptions.Require(DriftMinRatio >= 1, "UnusualVolume:DriftMinRatio must be at least 1");
        DetectionOptions.Require(DayZ > 0, "UnusualVolume:DayZ must be above 0");
        DetectionOptions.Require(MinDayLookups >= 1, "UnusualVolume:MinDayLookups must be at least 1");
        DetectionOptions.Require(MinDayRatio >= 1, "UnusualVolume:MinDayRatio must be at least 1");
        DetectionOptions.Require(ModelMinLookups >= 0, "UnusualVolume:ModelMinLookups must not be negative");
    }
}
