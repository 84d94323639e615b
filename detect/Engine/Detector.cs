namespace LogSentinel.Detect.Engine;

/// <summary>
/// A rule detector. It folds events into per-entity window state and decides only when a window closes, that is
/// when the watermark passes the window's end, so its alerts depend on event time alone.
/// </summary>
internal abstract class Detector
{
    /// <summary>The alert type it raises.</summary>
    public abstract string Type { get; }

    /// <summary>Index of the detector in the engine, for its timers.</summary>
    public int Index { get; set; }

    public virtual void OnApp(in AppEvent e, DetectionContext context)
    {
    }

    public virtual void OnGateway(in GatewayEvent e, DetectionContext context)
    {
    }

    /// <summary>The window of <paramref name="entity"/> ending at <paramref name="due"/> has closed.</summary>
    public virtual void OnWindowClosed(int entity, long due, DetectionContext context)
    {
    }

    /// <summary>Another tuning was applied: a detector that caches something built from the options (a calendar) rebuilds it.</summary>
    public virtual void OnOptionsChanged(DetectionContext context)
    {
    }

    /// <summary>Whether <see cref="Save"/> and <see cref="Load"/> carry all of the detector's state; without them no checkpoint is taken.</summary>
    internal virtual bool CanCheckpoint => false;

    /// <summary>Writes every field that decides future alerts (open windows, per-entity memory, scheduled closings).</summary>
    internal virtual void Save(BinaryWriter writer, DetectionContext context)
    {
    }

    /// <summary>Reads what <see cref="Save"/> wrote into this fresh detector.</summary>
    internal virtual void Load(BinaryReader reader, DetectionContext context)
    {
    }
}
