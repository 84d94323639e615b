namespace LogSentinel.Detect.Alerts;

/// <summary>One detection, before merging with earlier detections of the same type and entity.</summary>
internal sealed record AlertCandidate(
    string Type,
    string EntityKind,
    string Entity,
    string Agency,
    long WindowStartMs,
    long WindowEndMs,
    int Score,
    AlertExplanation Explanation,
    AlertEvidence Evidence,
    IncidentCategory Category);
