using LogSentinel.Detect.Alerts;

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

    public void Raise(AlertCandidate candidate) => merger.Add(candidate, WatermarkMs);

    /// <summary>Local wall-clock time of an event time, for sentences people read.</summary>
    public DateTimeOffset Local(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(options.LocalOffset);
}
