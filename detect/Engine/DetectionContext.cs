using LogSentinel.Detect.Alerts;
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

    /// <summary>Raises a detection unless an allow-list entry or a suppression of the applied tuning keeps it back.</summary>
    public void Raise(AlertCandidate candidate)
    {
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

        merger.Add(candidate, WatermarkMs);
    }

    /// <summary>Local wall-clock time of an event time, for sentences people read.</summary>
    public DateTimeOffset Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(Options.LocalOffset);
}
