namespace LogSentinel.Detect.Detectors.DepartedAccountUse;

/// <summary>Use of one departed account in the hour not yet closed.</summary>
internal sealed class DepartedAccountState
{
    public long Events { get; set; }

    public long Lookups { get; set; }

    public long FirstMs { get; set; }

    public List<int> Ips { get; } = [];

    public List<ulong> SampleKeys { get; } = [];

    public List<ulong> CitizenRefs { get; } = [];

    public long ScheduledHour { get; set; } = long.MinValue;

    public void Clear()
    {
        Events = 0;
        Lookups = 0;
        Ips.Clear();
        SampleKeys.Clear();
        CitizenRefs.Clear();
    }
}
