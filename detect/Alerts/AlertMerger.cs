namespace LogSentinel.Detect.Alerts;

/// <summary>
/// Turns detections into alerts without flooding: a detection of the same type and entity starting within the
/// merge gap of the open alert's last occurrence becomes another occurrence of that alert; otherwise it opens a
/// new alert. Alerts changed since the last <see cref="DrainChanged"/> are handed out once.
/// </summary>
internal sealed partial class AlertMerger(long mergeGapMs, TimeProvider time)
{
    private readonly Dictionary<(string Type, string Kind, string Entity), DetectedAlert> _open = [];
    private readonly List<DetectedAlert> _changed = [];
    private readonly HashSet<Guid> _changedIds = [];
    private readonly Dictionary<string, int> _countByType = new(StringComparer.Ordinal);

    /// <summary>Alerts opened so far, by type.</summary>
    public IReadOnlyDictionary<string, int> CountByType => _countByType;

    public void Add(AlertCandidate candidate, long watermarkMs)
    {
        var key = (candidate.Type, candidate.EntityKind, candidate.Entity);
        if (_open.TryGetValue(key, out var open) && candidate.WindowStartMs - open.LastSeenMs <= mergeGapMs)
        {
            open.Merge(candidate);
            MarkChanged(open);
            return;
        }

        var alert = new DetectedAlert(
            AlertIds.For(candidate.Type, candidate.EntityKind, candidate.Entity, candidate.WindowStartMs), candidate, watermarkMs, time.GetUtcNow());
        _open[key] = alert;
        _countByType[candidate.Type] = _countByType.GetValueOrDefault(candidate.Type) + 1;
        MarkChanged(alert);
    }

    /// <summary>Whether an alert was opened or merged since the last <see cref="DrainChanged"/>.</summary>
    public bool HasChanged => _changed.Count > 0;

    /// <summary>Moves the alerts opened or merged since the last call into <paramref name="into"/>.</summary>
    public void DrainChanged(List<DetectedAlert> into)
    {
        into.AddRange(_changed);
        _changed.Clear();
        _changedIds.Clear();
    }

    private void MarkChanged(DetectedAlert alert)
    {
        if (_changedIds.Add(alert.Id))
        {
            _changed.Add(alert);
        }
    }
}
