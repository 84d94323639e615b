namespace LogSentinel.Detect.Engine;

/// <summary>A window of one detector and entity that closes when the watermark reaches <see cref="Due"/>.</summary>
internal readonly record struct TimerEntry(int Detector, int Entity, long Due);
