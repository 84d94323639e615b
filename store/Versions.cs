namespace LogSentinel.Store;

/// <summary>Row versions for ReplacingMergeTree tables: strictly increasing within the process and at least the clock in microseconds, so restarts keep increasing too.</summary>
internal static class Versions
{
    public static ulong Next(ref long last)
    {
        var clock = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        while (true)
        {
            var seen = Interlocked.Read(ref last);
            var next = Math.Max(seen + 1, clock);
            if (Interlocked.CompareExchange(ref last, next, seen) == seen)
            {
                return (ulong)next;
            }
        }
    }
}
