namespace LogSentinel.Detect.Live;

/// <summary>Running totals of live detection, safe to read from any thread (status lines, tests).</summary>
public sealed class LiveStats
{
    private long _events;
    private long _late;
    private long _watermark = long.MinValue;
    private long _alertChanges;
    private long _alertChangesWritten;
    private long _queued;
    private long _checkpoints;
    private long _idleAdvances;

    /// <summary>Events fed to the engine by this process (those a restored checkpoint covers are not counted).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events older than the watermark when fed, since the consumer group's first run (kept in checkpoints).</summary>
    public long LateEvents => Interlocked.Read(ref _late);

    /// <summary>The engine's watermark (Unix ms), or <see cref="long.MinValue"/> before any event.</summary>
    public long WatermarkMs => Interlocked.Read(ref _watermark);

    /// <summary>Alert changes (opened or merged) made by this process.</summary>
    public long AlertChanges => Interlocked.Read(ref _alertChanges);

    /// <summary>Alert changes in the store.</summary>
    public long AlertChangesWritten => Interlocked.Read(ref _alertChangesWritten);

    /// <summary>Events parsed and waiting for the event-time merge.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Checkpoints written.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Times the watermark moved to the wall clock because the input was idle.</summary>
    public long IdleAdvances => Interlocked.Read(ref _idleAdvances);

    /// <summary>Why the newest stored tuning version was not applied (the engine keeps the one it has), or null.</summary>
    public string? TuningError { get; internal set; }

    /// <summary>Latency of the alert changes decided by an event.</summary>
    public AlertLatency Latency { get; } = new();

    internal void Detected(long events, long late, long watermark, long queued)
    {
        Interlocked.Exchange(ref _events, events);
        Interlocked.Exchange(ref _late, late);
        Interlocked.Exchange(ref _watermark, watermark);
        Interlocked.Exchange(ref _queued, queued);
    }

    internal void AlertsChanged(int count) => Interlocked.Add(ref _alertChanges, count);

    internal void AlertsWritten(int count) => Interlocked.Add(ref _alertChangesWritten, count);

    internal void CheckpointWritten() => Interlocked.Increment(ref _checkpoints);

    internal void IdleAdvanced() => Interlocked.Increment(ref _idleAdvances);
}
