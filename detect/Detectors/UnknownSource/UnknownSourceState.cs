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

    public void Clear()
    {
        Events = 0;
        Lookups = 0;
        Accounts.Clear();
        SampleKeys.Clear();
        CitizenRefs.Clear();
    }
}
