namespace LogSentinel.Report.Tuning;

/// <summary>An installation without tuning history: the report says so rather than claiming nothing changed.</summary>
public sealed class NoTuningHistory : ITuningHistory
{
    public static NoTuningHistory Instance { get; } = new();

    public Task<IReadOnlyList<TuningChangeLine>?> GetChangesAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TuningChangeLine>?>(null);
}
