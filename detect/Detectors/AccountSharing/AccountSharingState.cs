namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>
/// One account's recent events (time, address, key) in arrival order. Each window is judged on its events sorted
/// by time, so events arriving out of order within the allowed lateness change nothing.
/// </summary>
internal sealed class AccountSharingState
{
    public long[] Times { get; private set; } = new long[16];

    public int[] Ips { get; private set; } = new int[16];

    public ulong[] Keys { get; private set; } = new ulong[16];

    public int Count { get; private set; }

    public long ReportedUntilMs { get; set; } = long.MinValue;

    public void Add(long ms, int ip, ulong key)
    {
        if (Count == Times.Length)
        {
            var size = Times.Length * 2;
            Times = Grow(Times, size);
            Ips = Grow(Ips, size);
            Keys = Grow(Keys, size);
        }

        Times[Count] = ms;
        Ips[Count] = ip;
        Keys[Count] = key;
        Count++;
    }

    /// <summary>Forgets the events before <paramref name="fromMs"/>.</summary>
    public void DropBefore(long fromMs)
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Times[i] >= fromMs)
            {
                Times[kept] = Times[i];
                Ips[kept] = Ips[i];
                Keys[kept] = Keys[i];
                kept++;
            }
        }

        Count = kept;
    }

    private static T[] Grow<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
