namespace LogSentinel.Detect.Engine;

/// <summary>What the engine has consumed and raised so far.</summary>
/// <param name="Events">Events consumed (gateway and application).</param>
/// <param name="LateEvents">Events older than the watermark when they arrived: stored, counted here, not scored.</param>
/// <param name="WatermarkMs">The current watermark (Unix ms), or <see cref="long.MinValue"/> before any event.</param>
/// <param name="AlertsByType">Alerts opened, by type (merged repeats not counted again).</param>
public sealed record DetectionStats(long Events, long LateEvents, long WatermarkMs, IReadOnlyDictionary<string, int> AlertsByType);
