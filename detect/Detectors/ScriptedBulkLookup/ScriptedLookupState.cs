using LogSentinel.Detect.Windows;

namespace LogSentinel.Detect.Detectors.ScriptedBulkLookup;

/// <summary>
/// One account's lookups minute by minute: count, gaps (sum and sum of squares, for their variation), sequential
/// ids, and the gateway's view of its clients.
/// </summary>
internal sealed class ScriptedLookupState(int windowMinutes)
{
    public const int KeptRefs = 20;

    public MinuteRing Minutes { get; } = new(windowMinutes);

    /// <summary>
    /// Times of the lookups not yet behind every window still to close, in arrival order. The spacing is measured
    /// on them sorted, so lookups arriving out of order within the allowed lateness do not change it.
    /// </summary>
    public long[] Times { get; set; } = new long[64];

    public int TimeCount { get; set; }

    public void AddTime(long ms)
    {
        if (TimeCount == Times.Length)
        {
            var grown = new long[Times.Length * 2];
            Array.Copy(Times, grown, TimeCount);
            Times = grown;
        }

        Times[TimeCount++] = ms;
    }

    /// <summary>Forgets the times before <paramref name="fromMs"/>.</summary>
    public void DropBefore(long fromMs)
    {
        var kept = 0;
        for (var i = 0; i < TimeCount; i++)
        {
            if (Times[i] >= fromMs)
            {
                Times[kept++] = Times[i];
            }
        }

        TimeCount = kept;
    }

    /// <summary>The latest pseudonymized ids, a ring of <see cref="KeptRefs"/>.</summary>
    public ulong[] Refs { get; } = new ulong[KeptRefs];

    public int RefCount { get; set; }

    public ulong[] SampleKeys { get; } = new ulong[5];

    public int Samples { get; set; }

    public int Ip { get; set; } = -1;

    public int UserAgent { get; set; } = -1;

    public long ReportedUntilMs { get; set; } = long.MinValue;
}
