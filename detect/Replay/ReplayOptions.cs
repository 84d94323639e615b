namespace LogSentinel.Detect.Replay;

/// <summary>Settings of <c>logsentinel replay</c>, bound from the <c>Replay</c> section.</summary>
public sealed class ReplayOptions
{
    public const string SectionName = "Replay";

    /// <summary>
    /// Event time between two checkpoints of the detection state (default 1 day). A checkpoint is taken at the
    /// first batch boundary after each interval and once more at the end; a restarted replay resumes from the
    /// newest one. Zero turns checkpoints off (a rerun then replays detection from the first line). A day of a
    /// 2,000-account province replays in well under a second, so a crash costs little more; hourly checkpoints cost
    /// ~4 s of a month's ~20 s replay.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Lines per batch handed from parsing to detection and the store (default 65536: the store takes fewer, larger inserts, which its rollup views digest faster).</summary>
    public int BatchLines { get; set; } = 65536;

    /// <summary>Alert changes kept before they are written together (default 1000; also written at each checkpoint and at the end).</summary>
    public int AlertBatch { get; set; } = 1000;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (CheckpointInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Replay:CheckpointInterval must not be negative");
        }

        if (BatchLines is < 1 or > 1_000_000)
        {
            throw new InvalidOperationException("Replay:BatchLines must be between 1 and 1000000");
        }

        if (AlertBatch < 1)
        {
            throw new InvalidOperationException("Replay:AlertBatch must be at least 1");
        }
    }
}
