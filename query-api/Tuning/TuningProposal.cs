using System.Globalization;
using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store;
using LogSentinel.Store.Tuning;

namespace LogSentinel.QueryApi.Tuning;

/// <summary>A proposed tuning as <c>tune preview</c> and the API's preview build it, and the preview itself.</summary>
public static class TuningProposal
{
    /// <summary>
    /// <paramref name="document"/> with <paramref name="thresholds"/> laid over it (replacing an override of the same key
    /// and agency). Keys are checked and spelled as the settings spell them; throws <see cref="TuningValidationException"/>
    /// naming the threshold for an unknown or non-tunable key or a value of the wrong kind.
    /// </summary>
    public static TuningDocument Apply(TuningDocument document, IReadOnlyList<ThresholdOverride> thresholds)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(thresholds);
        var merged = document.Thresholds.ToList();
        for (var i = 0; i < thresholds.Count; i++)
        {
            var t = thresholds[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"thresholds[{i}] ({t.Key})");
            if (string.IsNullOrWhiteSpace(t.Key) || t.Value is null)
            {
                throw new TuningValidationException(field, "a threshold needs a key and a value");
            }

            var key = TunableSettings.Apply(new DetectionOptions(), t.Key.Trim(), t.Value, field);
            var agency = string.IsNullOrWhiteSpace(t.Agency) ? null : t.Agency.Trim();
            merged.RemoveAll(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase) && string.Equals(o.Agency, agency, StringComparison.Ordinal));
            merged.Add(new ThresholdOverride(key, t.Value.Trim(), agency));
        }

        return document with { Thresholds = merged };
    }

    /// <summary>Replays the last <paramref name="days"/> days of stored events under the current and the proposed tuning.</summary>
    public static async Task<TuningPreviewResult> RunAsync(
        ILogStore store, DetectionOptions configured, TuningDocument proposed, int days, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reference = new ReferenceData(
            await store.Reference.GetAccountsAsync(cancellationToken).ConfigureAwait(false),
            await store.Reference.GetNetworksAsync(cancellationToken).ConfigureAwait(false),
            await store.Reference.GetDelegationsAsync(cancellationToken).ConfigureAwait(false));
        return await new TuningPreview(store, TimeProvider.System).RunAsync(configured, proposed, days, reference, progress, cancellationToken).ConfigureAwait(false);
    }
}
