namespace LogSentinel.Store.Activity;

/// <summary>What entities did: timelines from the per-minute rollups, raw events, and the day's riskiest entities.</summary>
public interface IActivityStore
{
    /// <summary>
    /// The entity's activity between the times in buckets; buckets without activity are absent. Minute buckets are
    /// those inside the window; hour and day buckets are whole, every one the window touches.
    /// </summary>
    Task<IReadOnlyList<ActivityPoint>> GetTimelineAsync(
        ActivityEntityKind kind, string entity, DateTimeOffset from, DateTimeOffset to, ActivityBucket bucket, CancellationToken cancellationToken = default);

    /// <summary>First and last minute the entity was active, and its totals (kept per entity as events arrive, so reading them costs the same at any volume).</summary>
    Task<EntitySeen> GetSeenAsync(ActivityEntityKind kind, string entity, CancellationToken cancellationToken = default);

    /// <summary>Gateway and application events of the entity in the window, one page.</summary>
    Task<RawEventPage> GetEventsAsync(RawEventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Entities by the alerts active between the times (last seen after <paramref name="from"/>, first seen before <paramref name="to"/>).</summary>
    Task<IReadOnlyList<RiskyEntity>> GetRiskiestAsync(DateTimeOffset from, DateTimeOffset to, int offset, int limit, CancellationToken cancellationToken = default);
}
