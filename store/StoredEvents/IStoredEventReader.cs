using LogSentinel.Store.Events;

namespace LogSentinel.Store.StoredEvents;

/// <summary>
/// Reads stored events back in event-time order, a time slice at a time, into the same batches ingest fills, so
/// detection can run again over what is stored (a tuning preview, a re-detection) without the original files.
/// Only the fields detection reads are filled; the others stay empty.
/// </summary>
public interface IStoredEventReader
{
    /// <summary>Event time (Unix ms) of the oldest and newest stored event of either table, or null when nothing is stored.</summary>
    Task<(long FirstMs, long LastMs)?> GetEventTimeRangeAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends the gateway events with <paramref name="fromMs"/> &lt;= ts &lt; <paramref name="toMs"/>, ordered by time then event key; returns how many.</summary>
    Task<int> ReadGatewayAsync(long fromMs, long toMs, GatewayEventBatch into, CancellationToken cancellationToken = default);

    /// <summary>Appends the application events with <paramref name="fromMs"/> &lt;= ts &lt; <paramref name="toMs"/>, ordered by time then event key; returns how many.</summary>
    Task<int> ReadAppAsync(long fromMs, long toMs, AppEventBatch into, CancellationToken cancellationToken = default);
}
