using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Feedback;

namespace LogSentinel.Detect.Engine;

/// <summary>What a detector may use: the entities, the reference data, the options, timers and the alert sink.</summary>
internal sealed class DetectionContext(EntityTable entities, DetectionOptions options, EventTimeScheduler scheduler, AlertMerger merger)
{
    public EntityTable Entities => entities;

    public DetectionOptions Options => options;

    /// <summary>The event time up to which windows have closed: the watermark, or the closing window's end while one closes.</summary>
    public long WatermarkMs { get; internal set; } = long.MinValue;

    /// <summary>Asks for <see cref="Detector.OnWindowClosed"/> once the watermark reaches <paramref name="due"/>.</summary>
    public void CloseAt(Detector detector, int entity, long due) => scheduler.Schedule(detector.Index, entity, due);

    /// <summary>Analysts' verdicts on closed alerts, fixed for the run.</summary>
    public FeedbackSet Feedback { get; init; } = FeedbackSet.Empty;

    public void Raise(AlertCandidate candidate)
    {
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
    public DateTimeOffset Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(options.LocalOffset);
}
