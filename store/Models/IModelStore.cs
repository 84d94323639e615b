namespace LogSentinel.Store.Models;

/// <summary>Versioned anomaly models, the feature windows they learn from and the scores of models in shadow.</summary>
public interface IModelStore
{
    /// <summary>Writes a model (a new one, or a new version of one whose status changed).</summary>
    Task SaveAsync(ModelRecord model, CancellationToken cancellationToken = default);

    /// <summary>Every model, newest version of each, by id.</summary>
    Task<IReadOnlyList<ModelRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds feature windows; writing the same window again changes nothing.</summary>
    Task AddWindowsAsync(IReadOnlyCollection<ModelWindowRecord> windows, CancellationToken cancellationToken = default);

    /// <summary>Feature windows starting in [from, to), all of them when both are null, ordered by time, kind and entity.</summary>
    Task<IReadOnlyList<ModelWindowRecord>> ReadWindowsAsync(DateTime? from, DateTime? to, CancellationToken cancellationToken = default);

    /// <summary>Start of the newest stored feature window, or null when there is none.</summary>
    Task<DateTime?> ReadNewestWindowStartAsync(CancellationToken cancellationToken = default);

    /// <summary>Feature windows starting at or after <paramref name="from"/>.</summary>
    Task<ulong> CountWindowsAsync(DateTime from, CancellationToken cancellationToken = default);

    /// <summary>Records what shadow models said.</summary>
    Task AddScoresAsync(IReadOnlyCollection<ModelScoreRecord> scores, CancellationToken cancellationToken = default);

    /// <summary>Per model: windows scored in shadow and how many were over its threshold.</summary>
    Task<IReadOnlyList<ModelScoreSummary>> SummarizeScoresAsync(CancellationToken cancellationToken = default);
}
