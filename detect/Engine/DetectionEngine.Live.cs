namespace LogSentinel.Detect.Engine;

/// <summary>What live mode needs beyond replay: cheap change checks per event, and moving event time on when the input is idle.</summary>
public sealed partial class DetectionEngine
{
    /// <summary>Whether an alert was opened or merged since the last <see cref="DrainChangedAlerts"/>; one field read, for per-event checks.</summary>
    internal bool HasChangedAlerts => _merger.HasChanged;

    /// <summary>
    /// The entity kinds this engine raises alerts about (default all). Set before the first event; a partition engine
    /// of <c>detect</c> raises only its key kind's alerts.
    /// </summary>
    public AlertScope Scope
    {
        get => _context.Scope;
        set => _context.Scope = value;
    }

    /// <summary>Alert candidates dropped as out of <see cref="Scope"/>.</summary>
    public long OutOfScopeCandidates => _context.OutOfScope;

    /// <summary>
    /// Moves the watermark to <paramref name="watermarkMs"/> without an event and closes the windows due by then, as
    /// if events up to that time had arrived. Live mode calls it when the input has been idle; replay never does, so
    /// replays stay deterministic. Never moves the watermark back.
    /// </summary>
    internal void AdvanceWatermarkTo(long watermarkMs)
    {
        if (watermarkMs <= _watermark.Value)
        {
            return;
        }

        _watermark.AdvanceTo(watermarkMs);
        RunDue(_watermark.Value);
    }
}
