namespace LogSentinel.Store.Transport;

/// <summary>Settings every bulk insert runs with, on both transports.</summary>
internal static class InsertSettings
{
    /// <summary>
    /// Feeds an insert's materialized views (the rollups, and the entity views chained on them) side by side instead of
    /// one after another: 30 days x 2,000 accounts replayed store their events in ~16.5 s instead of ~19.3 s on 2 cores.
    /// </summary>
    public const string ParallelViews = "parallel_view_processing";
}
