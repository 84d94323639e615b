namespace LogSentinel.Detect.Replay;

/// <summary>
/// Where a replay's time went. Parsing and store writes run on background tasks alongside detection, so the
/// parts add up to more than the wall-clock time when they overlap.
/// </summary>
/// <param name="Parse">Reading and parsing lines (background, one file at a time).</param>
/// <param name="Detect">Feeding events to the engine, including window closings and alert building.</param>
/// <param name="WaitForBatch">
/// Detection idle because the next batch of a file was not ready: still being parsed, or no free batch to parse
/// into because the store had not taken the earlier ones yet (back-pressure from the store).
/// </param>
/// <param name="StoreEvents">Writing event batches and ledgers (background).</param>
/// <param name="StoreAlerts">Writing alerts and their history (background).</param>
/// <param name="Checkpoint">Saving detection state (on the detection side), then compressing and writing it (background).</param>
/// <param name="WaitForStore">Waiting at the end for the last writes.</param>
/// <param name="BuildBehaviour">Building the rows of closed days (baselines with their profiles, feature windows, scores), on the detection side.</param>
/// <param name="StoreBehaviour">Writing those rows (background).</param>
public sealed record ReplayBreakdown(
    TimeSpan Parse, TimeSpan Detect, TimeSpan WaitForBatch, TimeSpan StoreEvents, TimeSpan StoreAlerts, TimeSpan Checkpoint, TimeSpan WaitForStore,
    TimeSpan BuildBehaviour, TimeSpan StoreBehaviour)
{
    public static ReplayBreakdown Empty { get; } = new(default, default, default, default, default, default, default, default, default);
}
