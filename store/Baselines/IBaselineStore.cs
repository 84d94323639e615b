namespace LogSentinel.Store.Baselines;

/// <summary>Entities' expected activity, written by detection and read by the API and the report.</summary>
public interface IBaselineStore
{
    /// <summary>Replaces the stored baselines of these entities.</summary>
    Task UpsertAsync(IReadOnlyCollection<EntityBaselineRecord> baselines, CancellationToken cancellationToken = default);

    /// <summary>The newest baseline of one entity, or null when detection has not seen it.</summary>
    Task<EntityBaselineRecord?> GetAsync(string entityKind, string entity, CancellationToken cancellationToken = default);

    /// <summary>The newest baselines of every entity of a kind (all kinds when null), ordered by kind and entity.</summary>
    Task<IReadOnlyList<EntityBaselineRecord>> ListAsync(string? entityKind = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Active entity-days in the stored events: distinct (account, local day), (address, local day) and (agency, local
    /// day) with any request or lookup, days read at <paramref name="localOffset"/>. The denominator of false-alert rates.
    /// </summary>
    Task<long> CountActiveEntityDaysAsync(TimeSpan localOffset, CancellationToken cancellationToken = default);
}
