using LogSentinel.Detect.Engine;

namespace LogSentinel.Detect.Tuning;

/// <summary>What a preview replayed and what each tuning raised.</summary>
/// <param name="FromMs">Start of the event-time window replayed (Unix ms).</param>
/// <param name="ToMs">End of the window (exclusive).</param>
/// <param name="Events">Stored events replayed.</param>
/// <param name="CurrentVersion">The tuning version compared against.</param>
/// <param name="Current">The engine's counts under the current tuning.</param>
/// <param name="Proposed">The engine's counts under the proposed tuning.</param>
public sealed record TuningPreviewResult(long FromMs, long ToMs, long Events, ulong CurrentVersion, DetectionStats Current, DetectionStats Proposed)
{
    /// <summary>Every alert type either tuning raised or kept back, in order.</summary>
    public IReadOnlyList<string> Types =>
    [
        .. Current.AlertsByType.Keys.Concat(Proposed.AlertsByType.Keys).Concat(Current.SuppressedByType.Keys).Concat(Proposed.SuppressedByType.Keys)
            .Concat(Current.AllowListedByType.Keys).Concat(Proposed.AllowListedByType.Keys).Distinct().Order(StringComparer.Ordinal),
    ];
}
