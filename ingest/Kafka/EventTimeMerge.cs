using System.Diagnostics.CodeAnalysis;

namespace LogSentinel.Ingest.Kafka;

/// <summary>A partition's queue of events waiting for the merge by event time.</summary>
internal interface IMergeQueue
{
    /// <summary>Nothing queued.</summary>
    bool IsEmpty { get; }

    /// <summary>Read to the partition's end with nothing queued: it holds nothing older for now.</summary>
    bool CaughtUp { get; }

    /// <summary>Event time (Unix ms) of the oldest queued event; only when not <see cref="IsEmpty"/>.</summary>
    long HeadTimestamp { get; }
}

/// <summary>
/// The merge of partitions by event time that live detection and republishing share: the partition whose head is
/// oldest goes next, and keeps going while its head stays ahead of every other head. Ties go to the partition first in
/// the list, so the order is the same however the queues filled.
/// </summary>
internal static class EventTimeMerge
{
    /// <summary>
    /// The queue with the oldest head and the next oldest head (<paramref name="bound"/>, at <paramref name="boundIndex"/>);
    /// false when nothing is queued, or (unless <paramref name="force"/>) when an empty queue may still bring older events.
    /// </summary>
    public static bool TryPickOldest<T>(
        IReadOnlyList<T> queues, bool force, [NotNullWhen(true)] out T? best, out int bestIndex, out long bound, out int boundIndex)
        where T : class, IMergeQueue
    {
        best = null;
        bestIndex = boundIndex = int.MaxValue;
        bound = long.MaxValue;
        var bestTs = long.MaxValue;
        for (var i = 0; i < queues.Count; i++)
        {
            var q = queues[i];
            if (q.IsEmpty)
            {
                if (!force && !q.CaughtUp)
                {
                    best = null;
                    return false;
                }

                continue;
            }

            var ts = q.HeadTimestamp;
            if (ts < bestTs)
            {
                bound = bestTs;
                boundIndex = bestIndex;
                best = q;
                bestIndex = i;
                bestTs = ts;
            }
            else if (ts < bound)
            {
                bound = ts;
                boundIndex = i;
            }
        }

        return best is not null;
    }

    /// <summary>Whether the picked queue's next head still goes before the next oldest head of the others.</summary>
    public static bool KeepsLead<T>(T best, int bestIndex, long bound, int boundIndex)
        where T : IMergeQueue =>
        !best.IsEmpty && (best.HeadTimestamp < bound || (best.HeadTimestamp == bound && bestIndex < boundIndex));
}
