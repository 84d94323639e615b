using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Replay;
using LogSentinel.Store;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Detect.Tuning;

/// <summary>
/// How many alerts a proposed tuning would have raised over the last days of stored events, next to the current
/// tuning: both run in fresh engines over the same events read back from the store, so the difference is the
/// tuning's alone. Nothing is written. Both engines start cold at the window's start, so detectors that learn a
/// history (off-hours habits, known addresses) are judged on a shorter history than live; compare the two columns,
/// not a column with the live alert list.
/// </summary>
public sealed class TuningPreview(ILogStore store, TimeProvider time)
{
    /// <summary>
    /// Runs the current and the <paramref name="proposed"/> tuning over the last <paramref name="days"/> days of
    /// event time (up to the newest stored event). Throws <see cref="TuningValidationException"/> when the proposed
    /// document is invalid.
    /// </summary>
    public async Task<TuningPreviewResult> RunAsync(
        DetectionOptions configured, TuningDocument proposed, int days, ReferenceData reference, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var current = await store.Tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var currentTuning = AppliedTuning.Compile(configured, current.Document, current.Version);
        var proposedTuning = AppliedTuning.Compile(configured, proposed, current.Version + 1);
        var range = await store.StoredEvents.GetEventTimeRangeAsync(cancellationToken).ConfigureAwait(false);
        if (range is not { } r)
        {
            return new TuningPreviewResult(0, 0, 0, current.Version, Stats(null), Stats(null));
        }

        var to = r.LastMs + 1;
        var from = Math.Max(r.FirstMs, to - (days * 86_400_000L));
        var now = new DetectionEngine(currentTuning, reference, time);
        var next = new DetectionEngine(proposedTuning, reference, time);
        var events = await new StoredEventFeed(store.StoredEvents, StoredEventFeed.DefaultSlice).FeedAsync(from, to, [now, next], progress, cancellationToken)
            .ConfigureAwait(false);
        now.Complete();
        next.Complete();
        return new TuningPreviewResult(from, to, events, current.Version, Stats(now), Stats(next));
    }

    private static DetectionStats Stats(DetectionEngine? engine) =>
        engine?.Stats ?? new DetectionStats(0, 0, long.MinValue, new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), 0);
}
