namespace LogSentinel.Detect.Detectors.UnknownSource;

/// <summary>Authenticated use of one unregistered address in the window not yet closed.</summary>
internal sealed class UnknownSourceState
{
    public long Events { get; set; }

    public long Lookups { get; set; }

    public List<int> Accounts { get; } = [];

    public List<ulong> SampleKeys { get; } = [];

    public List<ulong> CitizenRefs { get; } = [];

    public long ScheduledWindow { get; set; } = long.MinValue;

    /// <summary>The window's earliest events by (time, account), at most <c>MinEvents</c>: what an early decision may rely on whatever the arrival order.</summary>
    public List<long> EarliestTimes { get; } = [];

    public List<int> EarliestAccounts { get; } = [];

    /// <summary>The earliest minute boundary a decision is scheduled for within the window; <see cref="long.MaxValue"/> for none.</summary>
    public long EarlyDue { get; set; } = long.MaxValue;

    public bool RaisedEarly { get; set; }

    /// <summary>Keeps the <paramref name="keep"/> earliest events in (time, account) order.</summary>
    public void AddEarliest(long ts, int account, int keep)
    {
        var i = EarliestTimes.Count;
        while (i > 0 && (EarliestTimes[i - 1] > ts || (EarliestTimes[i - 1] == ts && EarliestAccounts[i - 1] > account)))
        {
            i--;
        }

        if (i >= keep)
        {
            return;
        }

        EarliestTimes.Insert(i, ts);
        EarliestAccounts.Insert(i, account);
        if (EarliestTimes.Count > keep)
        {
            EarliestTimes.RemoveAt(keep);
            EarliestAccounts.RemoveAt(keep);
        }
    }

    public void Clear()
    {
        EarliestTimes.Clear();
        EarliestAccounts.Clear();
        EarlyDue = long.MaxValue;
        RaisedEarly = false;
        Events = 0;
        Lookups = 0;
        Accounts.Clear();
        SampleKeys.Clear();
        CitizenRefs.Clear();
    }
}
