using LogSentinel.Detect.Tuning;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.Store.Tuning;

namespace LogSentinel.QueryApi.Tuning;

/// <summary>
/// A proposed tuning to preview: threshold overrides laid over the current document (or over <c>document</c>, a whole
/// proposed document), over the last <c>days</c> days of stored events (default <c>Tuning:PreviewDays</c>).
/// </summary>
public sealed record TuningPreviewRequest(IReadOnlyList<ThresholdOverride>? Thresholds, TuningDocument? Document, int? Days);

/// <summary>Alerts of one type under the current and the proposed tuning; kept back = suppressed or allow-listed.</summary>
public sealed record TuningPreviewRow(string Type, int Current, int Proposed, int KeptBackCurrent, int KeptBackProposed);

/// <summary>
/// What the proposed tuning would have raised over the replayed window, next to the current tuning. <c>events</c> is 0
/// (and <c>from</c>/<c>to</c> null) when no event is stored.
/// </summary>
public sealed record TuningPreviewView(
    int Days, DateTimeOffset? From, DateTimeOffset? To, long Events, ulong CurrentVersion, int CurrentAlerts, int ProposedAlerts,
    IReadOnlyList<TuningPreviewRow> Types, IReadOnlyList<ThresholdOverride> Thresholds)
{
    public static TuningPreviewView Of(TuningPreviewResult result, int days, IReadOnlyList<ThresholdOverride> thresholds)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Types.Select(type => new TuningPreviewRow(
            type,
            result.Current.AlertsByType.GetValueOrDefault(type),
            result.Proposed.AlertsByType.GetValueOrDefault(type),
            result.Current.SuppressedByType.GetValueOrDefault(type) + result.Current.AllowListedByType.GetValueOrDefault(type),
            result.Proposed.SuppressedByType.GetValueOrDefault(type) + result.Proposed.AllowListedByType.GetValueOrDefault(type))).ToList();
        var stored = result.Events > 0;
        return new TuningPreviewView(
            days,
            stored ? ApiTime.Local(DateTimeOffset.FromUnixTimeMilliseconds(result.FromMs).UtcDateTime) : null,
            stored ? ApiTime.Local(DateTimeOffset.FromUnixTimeMilliseconds(result.ToMs).UtcDateTime) : null,
            result.Events,
            result.CurrentVersion,
            result.Current.AlertsByType.Values.Sum(),
            result.Proposed.AlertsByType.Values.Sum(),
            rows,
            thresholds);
    }
}
