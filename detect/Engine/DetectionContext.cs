using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Tuning;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// What a detector may use: the entities, the reference data, the options, timers and the alert sink. The options
/// and the allow-lists and suppressions come from the applied tuning and may be swapped between events.
/// </summary>
internal sealed class DetectionContext(EntityTable entities, DetectionOptions options, EventTimeScheduler scheduler, AlertMerger merger)
{
    private AppliedTuning _tuning = AppliedTuning.Untuned(options);

    public EntityTable Entities => entities;

    /// <summary>The effective options (configured, with the tuning's global thresholds and calendar).</summary>
    public DetectionOptions Options => _tuning.Options;

    public AppliedTuning Tuning
    {
        get => _tuning;
        set => _tuning = value;
    }

    /// <summary>Candidates kept back by a suppression, by type.</summary>
    public Dictionary<string, int> SuppressedByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Candidates kept back by an allow-list entry, by type.</summary>
    public Dictionary<string, int> AllowListedByType { get; } = new(StringComparer.Ordinal);

    /// <summary>The event time up to which windows have closed: the watermark, or the closing window's end while one closes.</summary>
    public long WatermarkMs { get; internal set; } = long.MinValue;

    /// <summary>The effective options for an entity of <paramref name="agency"/>: its agency-scoped thresholds when it has some.</summary>
    public DetectionOptions OptionsFor(string? agency) =>
        agency is not null && _tuning.AgencyOptions.Count > 0 && _tuning.AgencyOptions.TryGetValue(agency, out var scoped) ? scoped : _tuning.Options;

    /// <summary>Asks for <see cref="Detector.OnWindowClosed"/> once the watermark reaches <paramref name="due"/>.</summary>
    public void CloseAt(Detector detector, int entity, long due) => scheduler.Schedule(detector.Index, entity, due);

    /// <summary>The entity kinds whose alerts this engine raises; others are counted in <see cref="OutOfScope"/> and dropped.</summary>
    public AlertScope Scope { get; set; } = AlertScope.All;

    /// <summary>Candidates dropped because their entity kind is another engine's (<see cref="Scope"/>).</summary>
    public long OutOfScope { get; private set; }

    /// <summary>Analysts' verdicts on closed alerts, fixed for the run.</summary>
    public FeedbackSet Feedback { get; init; } = FeedbackSet.Empty;

    /// <summary>
    /// Raises a detection unless an allow-list entry or a suppression of the applied tuning keeps it back; analysts'
    /// verdicts lower the score of what is raised.
    /// </summary>
    public void Raise(AlertCandidate candidate)
    {
        if (Scope != AlertScope.All && !Scope.Includes(candidate.EntityKind))
        {
            OutOfScope++;
            return;
        }

        var filter = _tuning.Filter;
        if (!filter.IsEmpty)
        {
            var outcome = filter.Judge(candidate);
            if (outcome != AlertOutcome.Raise)
            {
                var counts = outcome == AlertOutcome.Suppressed ? SuppressedByType : AllowListedByType;
                counts[candidate.Type] = counts.GetValueOrDefault(candidate.Type) + 1;
                return;
            }
        }

        // A verdict of "benign" or "false positive" on this type and entity lowers the score while it lasts.
        if (Feedback.Find(candidate.Type, candidate.Entity, candidate.WindowStartMs) is not null)
        {
            var lowered = (int)Math.Round(candidate.Score * Feedback.ScoreFactor);
            candidate.Evidence.Counts["feedback_lowered_score_from"] = candidate.Score;
            candidate = candidate with { Score = lowered };
        }

        merger.Add(candidate, WatermarkMs);
    }

    /// <summary>Local wall-clock time of an event time, for sentences people read.</summary>
    public DateTimeOffset Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(Options.LocalOffset);
}
