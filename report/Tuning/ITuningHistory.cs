namespace LogSentinel.Report.Tuning;

/// <summary>Where the report reads the day's tuning changes from.</summary>
public interface ITuningHistory
{
    /// <summary>Changes in [from, to) (UTC), oldest first; null when no tuning history is kept.</summary>
    Task<IReadOnlyList<TuningChangeLine>?> GetChangesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);
}
