namespace LogSentinel.Detect.Engine;

/// <summary>What the engine has consumed and raised so far.</summary>
/// <param name="Events">Events consumed (gateway and application).</param>
/// <param name="LateEvents">Events older than the watermark when they arrived: stored, counted here, not scored.</param>
/// <param name="WatermarkMs">The current watermark (Unix ms), or <see cref="long.MinValue"/> before any event.</param>
/// <param name="AlertsByType">Alerts opened, by type (merged repeats not counted again).</param>
/// <param name="SuppressedByType">Detections kept back by a suppression of the tuning, by type (each detection counted).</param>
/// <param name="AllowListedByType">Detections kept back by an allow-list entry of the tuning, by type.</param>
/// <param name="TuningVersion">The tuning version applied now (0: nothing tuned).</param>
public sealed record DetectionStats(
    long Events, long LateEvents, long WatermarkMs, IReadOnlyDictionary<string, int> AlertsByType,
    IReadOnlyDictionary<string, int> SuppressedByType, IReadOnlyDictionary<string, int> AllowListedByType, ulong TuningVersion);
