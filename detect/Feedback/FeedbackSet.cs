using LogSentinel.Store.Alerts;

namespace LogSentinel.Detect.Feedback;

/// <summary>
/// Verdicts read from the alert store when detection starts: every alert closed with a "fine" disposition lowers
/// the score of later detections of the same type and entity whose window starts within the expiry (event time),
/// so replaying with the same verdicts gives the same alerts.
/// </summary>
public sealed class FeedbackSet
{
    private readonly Dictionary<(string Type, string Entity), FeedbackEntry> _entries;

    public FeedbackSet(IEnumerable<FeedbackEntry> entries, double scoreFactor)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ScoreFactor = scoreFactor;
        _entries = [];
        foreach (var e in entries)
        {
            // Of several verdicts on one type and entity, the one reaching furthest wins.
            if (!_entries.TryGetValue((e.Type, e.Entity), out var existing) || existing.Expires < e.Expires)
            {
                _entries[(e.Type, e.Entity)] = e;
            }
        }
    }

    public static FeedbackSet Empty { get; } = new([], 1);

    public double ScoreFactor { get; }

    public IReadOnlyCollection<FeedbackEntry> Entries => _entries.Values;

    /// <summary>The verdicts among <paramref name="alerts"/>: closed alerts with one of the options' dispositions.</summary>
    public static FeedbackSet FromAlerts(IEnumerable<AlertRecord> alerts, FeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(options);
        var fine = options.ParseDispositions();
        var entries = new List<FeedbackEntry>();
        foreach (var a in alerts)
        {
            if (!string.Equals(a.State, "closed", StringComparison.Ordinal) || Array.IndexOf(fine, a.Disposition) < 0)
            {
                continue;
            }

            var lastSeen = new DateTimeOffset(DateTime.SpecifyKind(a.LastSeen, DateTimeKind.Utc));
            entries.Add(new FeedbackEntry(a.Id, a.Type, a.Entity, a.Disposition, lastSeen, lastSeen.AddDays(options.ExpiryDays)));
        }

        return new FeedbackSet(entries, options.ScoreFactor);
    }

    /// <summary>The verdict that applies to a detection of this type and entity starting at <paramref name="windowStartMs"/>, if any.</summary>
    public FeedbackEntry? Find(string type, string entity, long windowStartMs) =>
        _entries.Count > 0 && _entries.TryGetValue((type, entity), out var e) && windowStartMs <= e.Expires.ToUnixTimeMilliseconds() ? e : null;
}
