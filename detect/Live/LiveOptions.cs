namespace LogSentinel.Detect.Live;

/// <summary>Settings of live detection (<c>logsentinel run</c>), bound from the <c>Live</c> section.</summary>
public sealed class LiveOptions
{
    public const string SectionName = "Live";

    /// <summary>
    /// Wall-clock time without any consumed message after which event time is taken to have reached the wall clock
    /// (default 30 s): the watermark moves to now minus <c>Detection:AllowedLateness</c>, so windows close and their
    /// alerts are raised although no later event arrives. Zero never moves it without events. Replay never does this.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Wall-clock time between checkpoints of the detection state (default 10 s; also one at shutdown). A restarted
    /// <c>run</c> re-reads from each partition's checkpointed position, so this bounds what it reads again.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (IdleTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException("Live:IdleTimeout must not be negative");
        }

        if (CheckpointInterval < TimeSpan.FromMilliseconds(100) || CheckpointInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException("Live:CheckpointInterval must be between 00:00:00.1 and 01:00:00");
        }
    }
}
