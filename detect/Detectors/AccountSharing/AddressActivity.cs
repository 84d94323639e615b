namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>One address an account was used from, with its latest event times.</summary>
internal sealed class AddressActivity(int ip, int kept)
{
    public int Ip { get; } = ip;

    /// <summary>The latest event times, a ring of the per-address minimum.</summary>
    public long[] Recent { get; } = new long[kept];

    public int Count { get; set; }

    public ulong Session { get; set; }

    public ulong SampleKey { get; set; }

    public void Add(long ms)
    {
        Recent[Count % Recent.Length] = ms;
        Count++;
    }

    /// <summary>Whether the address made at least the per-address minimum of events since <paramref name="fromMs"/>.</summary>
    public bool ActiveSince(long fromMs)
    {
        if (Count < Recent.Length)
        {
            return false;
        }

        foreach (var ms in Recent)
        {
            if (ms < fromMs)
            {
                return false;
            }
        }

        return true;
    }
}
