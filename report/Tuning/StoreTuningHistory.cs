using LogSentinel.Store.Tuning;

namespace LogSentinel.Report.Tuning;

/// <summary>The day's tuning changes from the versioned tuning document in the store (<c>tuning_versions</c>).</summary>
public sealed class StoreTuningHistory(ITuningStore tuning) : ITuningHistory
{
    public async Task<IReadOnlyList<TuningChangeLine>?> GetChangesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var history = await tuning.GetHistoryAsync(cancellationToken).ConfigureAwait(false);
        return [.. history
            .Where(v => v.Version > 0 && v.WrittenAt >= fromUtc && v.WrittenAt < toUtc)
            .OrderBy(v => v.Version)
            .Select(v => new TuningChangeLine(
                v.WrittenAt,
                v.Actor,
                v.RevertedTo > 0 ? $"v{v.Version}: revert to v{v.RevertedTo} ({v.Change})" : $"v{v.Version}: {v.Change}",
                v.Reason))];
    }
}
