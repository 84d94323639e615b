namespace LogSentinel.Store.Tuning;

/// <summary>
/// Everything operators tune in detection, as one whole document: threshold overrides, suppressions, allow-lists
/// and calendar changes. Every change stores a new whole version (<see cref="ITuningStore"/>); the empty document
/// (version 0) means the configured defaults apply unchanged.
/// </summary>
public sealed record TuningDocument
{
    /// <summary>The document of version 0: nothing tuned.</summary>
    public static TuningDocument Empty { get; } = new();

    /// <summary>Threshold overrides, keyed by the setting's path under <c>Detection</c> (e.g. <c>BruteForce:IpFailures</c>).</summary>
    public IReadOnlyList<ThresholdOverride> Thresholds { get; init; } = [];

    /// <summary>Matches that are not raised as alerts but counted (a known, accepted issue; optionally until an event time).</summary>
    public IReadOnlyList<TuningRule> Suppressions { get; init; } = [];

    /// <summary>Matches that are known good for the rule's types (an integration server, a night-shift account).</summary>
    public IReadOnlyList<TuningRule> AllowLists { get; init; } = [];

    /// <summary>Extra days off and extra working days, on top of the configured working calendar.</summary>
    public TuningCalendar Calendar { get; init; } = new();
}
