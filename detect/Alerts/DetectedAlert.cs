namespace LogSentinel.Detect.Alerts;

/// <summary>
/// An alert as the engine keeps it while it is open: repeated detections of the same type and entity merge into
/// it, raising its occurrence count and moving its last-seen time.
/// </summary>
public sealed partial class DetectedAlert
{
    internal DetectedAlert(Guid id, AlertCandidate first, long detectedAtMs, DateTimeOffset raisedAt)
    {
        Id = id;
        Type = first.Type;
        EntityKind = first.EntityKind;
        Entity = first.Entity;
        Agency = first.Agency;
        WindowStartMs = first.WindowStartMs;
        WindowEndMs = first.WindowEndMs;
        Score = first.Score;
        Explanation = first.Explanation;
        Evidence = first.Evidence;
        Category = first.Category;
        FirstSeenMs = first.WindowStartMs;
        LastSeenMs = first.WindowEndMs;
        Occurrences = 1;
        DetectedAtMs = detectedAtMs;
        RaisedAt = raisedAt;
    }

    public Guid Id { get; }

    public string Type { get; }

    public string EntityKind { get; }

    public string Entity { get; }

    public string Agency { get; }

    public long WindowStartMs { get; private set; }

    public long WindowEndMs { get; private set; }

    public int Score { get; private set; }

    public string Severity => Alerts.Severity.FromScore(Score);

    public AlertExplanation Explanation { get; private set; }

    public AlertEvidence Evidence { get; private set; }

    public IncidentCategory Category { get; private set; }

    public long FirstSeenMs { get; }

    public long LastSeenMs { get; private set; }

    public int Occurrences { get; private set; }

    /// <summary>The watermark (event time) when the engine first raised it.</summary>
    public long DetectedAtMs { get; }

    /// <summary>Wall clock when the engine first raised it.</summary>
    public DateTimeOffset RaisedAt { get; }

    /// <summary>Folds a repeat in: the strongest detection keeps the explanation and evidence.</summary>
    internal void Merge(AlertCandidate repeat)
    {
        Occurrences++;
        WindowEndMs = Math.Max(WindowEndMs, repeat.WindowEndMs);
        LastSeenMs = Math.Max(LastSeenMs, repeat.WindowEndMs);
        if (repeat.Score > Score)
        {
            Score = repeat.Score;
            Explanation = repeat.Explanation;
            Evidence = repeat.Evidence;
            Category = repeat.Category;
        }
    }
}
