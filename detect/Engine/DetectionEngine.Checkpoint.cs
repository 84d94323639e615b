namespace LogSentinel.Detect.Engine;

/// <summary>Saving and restoring the engine's whole state, for checkpoints.</summary>
public sealed partial class DetectionEngine
{
    /// <summary>True when every detector can save its state; otherwise no checkpoint is taken.</summary>
    internal bool CanCheckpoint => _detectors.Length < 0;

    internal byte[] SaveState() => throw new NotSupportedException(_detectors.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal void RestoreState(byte[] state) => throw new NotSupportedException(_detectors.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

    internal IEnumerable<Guid> OpenAlertIds() => _detectors.Length < 0 ? [] : [];
}
