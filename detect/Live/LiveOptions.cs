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

    /// <summary>
    /// Consumer group of the <c>detect</c> role (default <c>logsentinel-detect</c>): it reads the topics of
    /// <c>Ingest:Kafka</c> beside the <c>ingest</c> group, which stores the events, and only detects. With
    /// <c>Live:Source=raw</c> one member per group (one checkpoint per group); with <c>internal</c> any number of
    /// members (one checkpoint per partition).
    /// </summary>
    public string DetectGroupId { get; set; } = "logsentinel-detect";

    /// <summary>
    /// What the <c>detect</c> role reads (default <c>raw</c>): <c>raw</c>, the log topics of <c>Ingest:Kafka</c> with one
    /// engine per group (one member); <c>internal</c>, the topics the ingest role republishes to
    /// (<c>Ingest:Republish</c>), one engine per partition, so a group of many members shares the work.
    /// </summary>
    public string Source { get; set; } = RawSource;

    /// <summary>The value of <see cref="Source"/> for the log topics.</summary>
    public const string RawSource = "raw";

    /// <summary>The value of <see cref="Source"/> for the internal topics.</summary>
    public const string InternalSource = "internal";

    /// <summary>Whether <see cref="Source"/> selects the internal topics.</summary>
    public bool ReadsInternalTopics => string.Equals(Source, InternalSource, StringComparison.OrdinalIgnoreCase);

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

        if (!string.Equals(Source, RawSource, StringComparison.OrdinalIgnoreCase) && !ReadsInternalTopics)
        {
            throw new InvalidOperationException($"Live:Source '{Source}' is not raw or internal");
        }

        if (string.IsNullOrWhiteSpace(DetectGroupId))
        {
            throw new InvalidOperationException("Live:DetectGroupId must not be empty");
        }
    }
}
