namespace LogSentinel.Store.Alerts;

/// <summary>
/// Alerts and their history. An alert is never updated in place: every change is a new version of the row and
/// readers see the newest version of each id.
/// </summary>
public interface IAlertStore
{
    /// <summary>Writes these alerts as new versions; a higher <see cref="AlertRecord.Version"/> replaces a lower one.</summary>
    Task UpsertAsync(IReadOnlyCollection<AlertRecord> alerts, CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest version of each alert matching <paramref name="query"/>, with the analyst's workflow fields
    /// applied, ordered by first seen, then type and entity.
    /// </summary>
    Task<IReadOnlyList<AlertRecord>> ListAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>The newest version of each of these alerts that exists, ordered by first seen; unknown ids are left out.</summary>
    Task<IReadOnlyList<AlertRecord>> GetAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the alert queue, newest version of each alert with the analyst's workflow fields applied:
    /// filtered and sorted in the engine, so the queue stays fast on many alerts.
    /// </summary>
    Task<AlertPage> SearchAsync(AlertSearch search, CancellationToken cancellationToken = default);

    /// <summary>The newest version of one alert with its workflow fields, or null.</summary>
    Task<AlertRecord?> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Records analysts' workflow changes (state, disposition, assignee); the newest change of an alert wins.</summary>
    Task SetTriageAsync(IReadOnlyCollection<AlertTriage> changes, CancellationToken cancellationToken = default);

    /// <summary>Appends history lines.</summary>
    Task AppendHistoryAsync(IReadOnlyCollection<AlertHistoryEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The history of one alert, oldest first.</summary>
    Task<IReadOnlyList<AlertHistoryEntry>> GetHistoryAsync(Guid alertId, CancellationToken cancellationToken = default);
}
