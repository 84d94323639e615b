using LogSentinel.Detect.Engine;
using LogSentinel.Store.Events;
using LogSentinel.Store.StoredEvents;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// Feeds stored events back into detection engines in event-time order, one time slice of both tables at a time,
/// merged by timestamp (a gateway event before an application event of the same millisecond, as a replay of the
/// files lists the gateway log first). Every engine sees the same events in the same order, so one read serves
/// several engines (a tuning preview runs the current and the proposed tuning side by side).
/// </summary>
public sealed class StoredEventFeed(IStoredEventReader reader, TimeSpan slice)
{
    /// <summary>One hour: a province's hour of events is tens of thousands of rows, well within memory.</summary>
    public static readonly TimeSpan DefaultSlice = TimeSpan.FromHours(1);

    /// <summary>Feeds the events with <paramref name="fromMs"/> &lt;= ts &lt; <paramref name="toMs"/>; returns how many; reports the end of each slice done.</summary>
    public async Task<long> FeedAsync(long fromMs, long toMs, IReadOnlyList<DetectionEngine> engines, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var step = (long)slice.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1000L, nameof(slice));
        var gateway = new GatewayEventBatch();
        var app = new AppEventBatch();
        long fed = 0;
        for (var start = fromMs; start < toMs; start += step)
        {
            var end = Math.Min(toMs, start + step);
            gateway.Clear();
            app.Clear();
            await reader.ReadGatewayAsync(start, end, gateway, cancellationToken).ConfigureAwait(false);
            await reader.ReadAppAsync(start, end, app, cancellationToken).ConfigureAwait(false);
            fed += Merge(gateway, app, engines);
            progress?.Report(end);
        }

        return fed;
    }

    private static long Merge(GatewayEventBatch gateway, AppEventBatch app, IReadOnlyList<DetectionEngine> engines)
    {
        int g = 0, a = 0;
        while (g < gateway.Count || a < app.Count)
        {
            var takeGateway = a >= app.Count || (g < gateway.Count && gateway.TimestampMs[g] <= app.TimestampMs[a]);
            foreach (var engine in engines)
            {
                if (takeGateway)
                {
                    engine.Add(gateway, g);
                }
                else
                {
                    engine.Add(app, a);
                }
            }

            if (takeGateway)
            {
                g++;
            }
            else
            {
                a++;
            }
        }

        return gateway.Count + app.Count;
    }
}
