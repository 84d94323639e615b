namespace LogSentinel.Detect.Replay;

/// <summary>What a replay read, stored and raised.</summary>
/// <param name="Files">Input files.</param>
/// <param name="Lines">Lines read.</param>
/// <param name="Events">Events parsed and handed to detection.</param>
/// <param name="EventsStored">Events newly written to the store (a replay of stored files writes none again).</param>
/// <param name="DeadLetters">Lines that did not parse.</param>
/// <param name="LateEvents">Events older than the watermark when they arrived: stored, not scored.</param>
/// <param name="AlertsByType">Alerts raised, by type.</param>
/// <param name="Elapsed">Wall-clock duration.</param>
/// <param name="Breakdown">Where the time went.</param>
/// <param name="ResumedFromCheckpoint">True when detection resumed from a checkpoint of an earlier run.</param>
public sealed record ReplaySummary(
    int Files, long Lines, long Events, long EventsStored, long DeadLetters, long LateEvents, IReadOnlyDictionary<string, int> AlertsByType, TimeSpan Elapsed,
    ReplayBreakdown Breakdown, bool ResumedFromCheckpoint)
{
    /// <summary>The tuning version applied for the whole replay (0: nothing tuned).</summary>
    public ulong TuningVersion { get; init; }

    /// <summary>Detections kept back by a suppression of the tuning, by type.</summary>
    public IReadOnlyDictionary<string, int> SuppressedByType { get; init; } = new Dictionary<string, int>();

    /// <summary>Detections kept back by an allow-list entry of the tuning, by type.</summary>
    public IReadOnlyDictionary<string, int> AllowListedByType { get; init; } = new Dictionary<string, int>();

    /// <summary>Events per second of wall-clock time.</summary>
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Events / Elapsed.TotalSeconds : 0;

    /// <summary>Alerts of every type together.</summary>
    public int Alerts => AlertsByType.Values.Sum();
}
