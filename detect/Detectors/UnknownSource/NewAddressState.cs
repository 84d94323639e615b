namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>One account: the addresses it is known to use, its active days and new addresses in the open window.</summary>
internal sealed class NewAddressState
{
    public HashSet<int> Known { get; } = [];

    public long LastDay { get; set; } = long.MinValue;

    public int ActiveDays { get; set; }

    public int Agency { get; set; } = -1;

    public long ScheduledWindow { get; set; } = long.MinValue;

    public List<NewAddress> Pending { get; } = [];
}

/// <summary>Events from an address new to the account and its agency, within the open window.</summary>
internal sealed class NewAddress(int ip, ulong sampleKey, long firstMs)
{
    public int Ip { get; } = ip;

    public ulong SampleKey { get; } = sampleKey;

    public long FirstMs { get; } = firstMs;

    public int Events { get; set; }

    public int Lookups { get; set; }
}
